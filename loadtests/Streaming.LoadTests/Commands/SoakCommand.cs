using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Reporting;
using Streaming.LoadTests.Sessions;
using Streaming.LoadTests.Soak;

namespace Streaming.LoadTests.Commands;

/// <summary>
/// <c>streaming-load soak</c>: M minutes at a fraction (70 %) of a known capacity while sampling the server's
/// memory, threads and handles from <c>/metrics</c>; exit code 1 when a criterion fails: RSS or GC heap growing
/// faster than the allowed slope, the server's state per session growing faster than its slope, or a failed session.
/// </summary>
public sealed class SoakCommand : AsyncCommand<SoakCommand.Settings>
{
    /// <summary>Arguments of <c>soak</c>.</summary>
    public sealed class Settings : LoadSettings
    {
        /// <summary>Known capacity.</summary>
        [CommandOption("--capacity <N>")]
        [Description("Capacity found by 'capacity' (required)")]
        public int Capacity { get; init; }

        /// <summary>Load fraction.</summary>
        [CommandOption("--fraction <F>")]
        [Description("Fraction of capacity to hold (default 0.7)")]
        public double Fraction { get; init; } = 0.7;

        /// <summary>Soak length.</summary>
        [CommandOption("--minutes <M>")]
        [Description("Soak length in minutes (default 10)")]
        public double Minutes { get; init; } = 10;

        /// <summary>Unjudged start.</summary>
        [CommandOption("--warm-up <SECONDS>")]
        [Description("Seconds of samples not judged (default 60)")]
        public double WarmUpSeconds { get; init; } = 60;

        /// <summary>Warm-up load.</summary>
        [CommandOption("--warm-up-load <SECONDS>")]
        [Description("Seconds of load at the soak's level before it starts, neither sampled nor judged; 0 for none (default 30)")]
        public double WarmUpLoadSeconds { get; init; } = 30;

        /// <summary>Allowed growth.</summary>
        [CommandOption("--max-slope <MIB_PER_MIN>")]
        [Description("Allowed RSS / GC-heap growth after warm-up, MiB per minute (default 2)")]
        public double MaxSlope { get; init; } = 2;

        /// <summary>Allowed growth per session.</summary>
        [CommandOption("--max-session-slope <KIB_PER_MIN>")]
        [Description("Allowed growth of the server's state per session (streaming_session_state_bytes) after warm-up, KiB per minute (default 64)")]
        public double MaxSessionSlope { get; init; } = 64;

        /// <summary>Sampling period.</summary>
        [CommandOption("--sample-every <SECONDS>")]
        [Description("Seconds between samples of /metrics (default 5)")]
        public double SampleSeconds { get; init; } = 5;

        /// <summary>The sessions held: the fraction of capacity, at least one.</summary>
        public int Sessions() => Capacity >= 1 && Fraction is > 0 and <= 1
            ? Math.Max(1, (int)Math.Floor(Capacity * Fraction))
            : throw new ArgumentException("--capacity must be at least 1 and --fraction in (0, 1].");
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sessions = settings.Sessions();
        var clips = settings.LoadClips();
        var options = settings.ToSessionOptions();
        var session = await settings.CheckedSessionAsync(clips, cancellationToken);
        using var http = new HttpClient();
        var runner = new LoadRunner();
        var warmUp = new WarmUp(sessions, TimeSpan.FromSeconds(settings.WarmUpLoadSeconds));
        var warmed = await warmUp.RunAsync(runner, session, new ConsoleProgress(), cancellationToken);
        var soak = new SoakRun(
            runner,
            new ServerProbe(http, new Uri(options.Server, "/metrics")),
            TimeSpan.FromSeconds(settings.SampleSeconds),
            TimeSpan.FromSeconds(settings.WarmUpSeconds),
            settings.MaxSlope,
            settings.MaxSessionSlope);
        var started = DateTimeOffset.UtcNow;
        var result = await soak.RunAsync(session, sessions, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(settings.Minutes), new ConsoleProgress(), cancellationToken);

        var describe = settings.Describe(clips);
        describe["soak"] = $"{sessions} sessions ({settings.Fraction.ToString(CultureInfo.InvariantCulture)} x capacity {settings.Capacity}) for {settings.Minutes.ToString(CultureInfo.InvariantCulture)} min";
        describe["warm-up"] = warmUp.Describe(warmed);
        describe["memory criteria"] = $"after {settings.WarmUpSeconds.ToString(CultureInfo.InvariantCulture)} s: RSS and GC heap slopes <= {settings.MaxSlope.ToString(CultureInfo.InvariantCulture)} MiB/min, " +
            $"state per session slope <= {settings.MaxSessionSlope.ToString(CultureInfo.InvariantCulture)} KiB/min, no failed session";
        var report = new LoadReport($"soak, {settings.ParsedProtocol}", started, settings.Machine(), describe, [result.Run], Soak: result);
        ConsoleProgress.PrintOutcome(report, ReportWriter.Write(report, settings.Out));
        return result.Passed ? 0 : 1;
    }
}

using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Reporting;
using Streaming.LoadTests.Sessions;

namespace Streaming.LoadTests.Commands;

/// <summary>
/// <c>streaming-load run</c>: for each load level, a ramp to N sessions then a steady phase (closed model, or
/// open-model injection with <c>--inject</c>); writes the reports and prints the headline.
/// </summary>
public sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    /// <summary>Arguments of <c>run</c>.</summary>
    public sealed class Settings : LoadSettings
    {
        /// <summary>Load levels.</summary>
        [CommandOption("--sessions <N,N,...>")]
        [Description("Concurrent sessions per level, comma-separated (default 1)")]
        public string Sessions { get; init; } = "1";

        /// <summary>Ramp length.</summary>
        [CommandOption("--ramp <SECONDS>")]
        [Description("Ramp-up seconds per level (default 10)")]
        public double RampSeconds { get; init; } = 10;

        /// <summary>Steady length.</summary>
        [CommandOption("--steady <SECONDS>")]
        [Description("Steady-phase seconds per level (default 30)")]
        public double SteadySeconds { get; init; } = 30;

        /// <summary>Open-model injection rate.</summary>
        [CommandOption("--inject <PER_SECOND>")]
        [Description("Steady phase injects this many new sessions per second instead of keeping N copies")]
        public int? InjectPerSecond { get; init; }

        /// <summary>The levels.</summary>
        public int[] Levels() => Sessions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var n) && n > 0 ? n : throw new ArgumentException($"--sessions: '{s}' is not a positive number."))
            .ToArray();
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clips = settings.LoadClips();
        var session = await settings.CheckedSessionAsync(clips, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var runner = new LoadRunner();
        var progress = new ConsoleProgress();
        var runs = new List<ScenarioResult>();
        foreach (var level in settings.Levels())
        {
            var steady = settings.InjectPerSecond is { } rate
                ? LoadSimulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(settings.SteadySeconds))
                : LoadSimulation.KeepConstant(level, TimeSpan.FromSeconds(settings.SteadySeconds));
            var scenario = Scenario.Create($"{settings.ParsedProtocol.ToString().ToLowerInvariant()}_{level}", session)
                .WithLoadSimulations(LoadSimulation.RampingConstant(level, TimeSpan.FromSeconds(settings.RampSeconds)), steady);
            runs.Add(await runner.RunAsync(scenario, progress, cancellationToken));
        }

        var describe = settings.Describe(clips);
        describe["levels"] = settings.Sessions;
        describe["phases"] = $"ramp {settings.RampSeconds} s, steady {settings.SteadySeconds} s{(settings.InjectPerSecond is { } r ? $" injecting {r}/s" : "")}";
        var report = new LoadReport($"run, {settings.ParsedProtocol}", started, settings.Machine(), describe, runs);
        ConsoleProgress.PrintOutcome(report, ReportWriter.Write(report, settings.Out));
        return 0;
    }
}

using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.LoadTests.Capacity;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Reporting;
using Streaming.LoadTests.Sessions;

namespace Streaming.LoadTests.Commands;

/// <summary>
/// <c>streaming-load capacity</c>: the largest number of concurrent sessions whose steady-phase p95 partial
/// latency stays within one packet + 150 ms with no errors; printed as the headline.
/// </summary>
public sealed class CapacityCommand : AsyncCommand<CapacityCommand.Settings>
{
    /// <summary>Arguments of <c>capacity</c>.</summary>
    public sealed class Settings : LoadSettings
    {
        /// <summary>Ceiling.</summary>
        [CommandOption("--max <N>")]
        [Description("Largest level to try (default 64)")]
        public int Max { get; init; } = 64;

        /// <summary>Ramp length.</summary>
        [CommandOption("--ramp <SECONDS>")]
        [Description("Ramp-up seconds per level (default 5)")]
        public double RampSeconds { get; init; } = 5;

        /// <summary>Steady length.</summary>
        [CommandOption("--steady <SECONDS>")]
        [Description("Steady-phase seconds per level (default 20)")]
        public double SteadySeconds { get; init; } = 20;

        /// <summary>Warm-up length.</summary>
        [CommandOption("--warm-up <SECONDS>")]
        [Description("Seconds of load before the search, not judged (JIT, arenas); 0 for none (default 30)")]
        public double WarmUpSeconds { get; init; } = 30;

        /// <summary>Warm-up load.</summary>
        [CommandOption("--warm-up-sessions <N>")]
        [Description("Concurrent sessions during the warm-up (default 4)")]
        public int WarmUpSessions { get; init; } = 4;

        /// <summary>Sessions of the memory probe.</summary>
        [CommandOption("--memory-sessions <N>")]
        [Description("Idle, then active, sessions held to measure memory per session before the search; 0 for none (default 4)")]
        public int MemorySessions { get; init; } = 4;

        /// <summary>How long each memory state is held.</summary>
        [CommandOption("--memory-hold <SECONDS>")]
        [Description("Seconds the memory probe holds its idle, then its active, sessions (default 15)")]
        public double MemoryHoldSeconds { get; init; } = 15;

        /// <summary>Latency budget.</summary>
        [CommandOption("--budget-ms <MS>")]
        [Description("p95 partial latency may be one packet plus this (default 150)")]
        public double BudgetMs { get; init; } = 150;
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clips = settings.LoadClips();
        var session = await settings.CheckedSessionAsync(clips, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var runner = new LoadRunner();
        var progress = new ConsoleProgress();
        var warmUp = new WarmUp(settings.WarmUpSessions, TimeSpan.FromSeconds(settings.WarmUpSeconds));
        var warmed = await warmUp.RunAsync(runner, session, progress, cancellationToken);
        var memory = await settings.MeasureMemoryAsync(
            runner, clips, settings.MemorySessions, TimeSpan.FromSeconds(settings.MemoryHoldSeconds), progress, cancellationToken);
        var search = new CapacitySearch(
            runner,
            new CapacityCriteria(settings.PacketMs, settings.BudgetMs),
            TimeSpan.FromSeconds(settings.RampSeconds),
            TimeSpan.FromSeconds(settings.SteadySeconds),
            settings.Max);
        var result = await search.RunAsync(session, progress, cancellationToken);

        var describe = settings.Describe(clips);
        describe["search"] = $"doubling then bisection up to {settings.Max}; ramp {settings.RampSeconds} s, steady {settings.SteadySeconds} s per level";
        describe["warm-up"] = warmUp.Describe(warmed);
        describe["criterion"] = $"p95 partial <= {settings.PacketMs} + {settings.BudgetMs.ToString(CultureInfo.InvariantCulture)} ms, no errors, no drops";
        var report = new LoadReport($"capacity search, {settings.ParsedProtocol}", started, settings.Machine(), describe,
            result.Steps.Select(s => s.Run).ToArray(), Capacity: result, Memory: memory);
        ConsoleProgress.PrintOutcome(report, ReportWriter.Write(report, settings.Out));
        return 0;
    }
}

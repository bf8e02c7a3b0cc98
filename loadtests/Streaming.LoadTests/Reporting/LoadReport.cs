using Streaming.LoadTests.Capacity;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Soak;

namespace Streaming.LoadTests.Reporting;

/// <summary>Everything one invocation of the runner measured, as the reports render it.</summary>
/// <param name="Title">What was run, e.g. <c>capacity search, signalr</c>.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="Machine">The machine.</param>
/// <param name="Settings">The runner's settings, for reproduction.</param>
/// <param name="Runs">Scenario runs, one per load level.</param>
/// <param name="Capacity">The capacity search, when one ran.</param>
/// <param name="Soak">The soak, when one ran.</param>
/// <param name="Memory">Memory per idle and per active session, when it was measured.</param>
public sealed record LoadReport(
    string Title,
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<ScenarioResult> Runs,
    CapacityResult? Capacity = null,
    SoakResult? Soak = null,
    Memory.SessionMemory? Memory = null)
{
    /// <summary>One point per run for the latency-vs-concurrency plot: the steady phase's load and partial latency.</summary>
    public IReadOnlyList<(int Concurrency, PhaseResult Steady)> LatencyByConcurrency() =>
        Runs.Select(r => (r.Steady.TargetLoad, r.Steady)).OrderBy(p => p.TargetLoad).ToArray();
}

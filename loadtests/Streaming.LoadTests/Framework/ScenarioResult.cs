namespace Streaming.LoadTests.Framework;

/// <summary>A scenario's run: one result per phase.</summary>
public sealed record ScenarioResult(string Name, IReadOnlyList<PhaseResult> Phases, TimeSpan Duration)
{
    /// <summary>The last phase: the steady phase of a ramp-then-steady run.</summary>
    public PhaseResult Steady => Phases[^1];
}

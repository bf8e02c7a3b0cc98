using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Capacity;

/// <summary>One load level the capacity search tried.</summary>
/// <param name="Sessions">Concurrent sessions.</param>
/// <param name="Failure">Why the level failed, null when it passed.</param>
/// <param name="Run">The run at that level (ramp, then steady).</param>
public sealed record CapacityStep(int Sessions, string? Failure, ScenarioResult Run)
{
    /// <summary>Whether the level met the criteria.</summary>
    public bool Passed => Failure is null;
}

using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Soak;

/// <summary>A soak's verdict: memory slopes after warm-up against the allowed slope, and the samples behind them.</summary>
/// <param name="Sessions">Concurrent sessions held during the soak.</param>
/// <param name="WarmUpSeconds">Samples before this are not judged.</param>
/// <param name="RssSlopeMbPerMinute">Resident-set growth after warm-up.</param>
/// <param name="GcHeapSlopeMbPerMinute">Managed-heap growth after warm-up.</param>
/// <param name="MaxSlopeMbPerMinute">Allowed growth.</param>
/// <param name="Samples">Every sample taken.</param>
/// <param name="Run">The load run during the soak.</param>
public sealed record SoakResult(
    int Sessions,
    double WarmUpSeconds,
    double RssSlopeMbPerMinute,
    double GcHeapSlopeMbPerMinute,
    double MaxSlopeMbPerMinute,
    IReadOnlyList<ServerSample> Samples,
    ScenarioResult Run)
{
    /// <summary>Whether memory stayed within the slope and no session failed.</summary>
    public bool Passed => RssSlopeMbPerMinute <= MaxSlopeMbPerMinute && GcHeapSlopeMbPerMinute <= MaxSlopeMbPerMinute
        && Run.Phases.All(p => p.Failed == 0);
}

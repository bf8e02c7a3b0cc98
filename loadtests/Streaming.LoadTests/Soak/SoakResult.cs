using System.Globalization;
using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Soak;

/// <summary>A soak's verdict: memory slopes after warm-up against the allowed slopes, and the samples behind them.</summary>
/// <param name="Sessions">Concurrent sessions held during the soak.</param>
/// <param name="WarmUpSeconds">Samples before this are not judged.</param>
/// <param name="RssSlopeMbPerMinute">Resident-set growth after warm-up.</param>
/// <param name="GcHeapSlopeMbPerMinute">Managed-heap growth after warm-up.</param>
/// <param name="MaxSlopeMbPerMinute">Allowed RSS and GC-heap growth.</param>
/// <param name="SessionSlopeKbPerMinute">
/// Growth of the server's state per session after warm-up, KiB per minute; null when the server does not export it.
/// </param>
/// <param name="MaxSessionSlopeKbPerMinute">Allowed growth of the state per session.</param>
/// <param name="Samples">Every sample taken.</param>
/// <param name="Run">The load run during the soak.</param>
public sealed record SoakResult(
    int Sessions,
    double WarmUpSeconds,
    double RssSlopeMbPerMinute,
    double GcHeapSlopeMbPerMinute,
    double MaxSlopeMbPerMinute,
    double? SessionSlopeKbPerMinute,
    double MaxSessionSlopeKbPerMinute,
    IReadOnlyList<ServerSample> Samples,
    ScenarioResult Run)
{
    /// <summary>
    /// Each criterion with what was measured and its verdict. The per-session criterion is not judged (null) for a
    /// server without the session-state gauges.
    /// </summary>
    public IReadOnlyList<SoakCriterion> Criteria =>
    [
        new("RSS slope", $"{F2(RssSlopeMbPerMinute)} MiB/min", $"<= {F2(MaxSlopeMbPerMinute)} MiB/min", RssSlopeMbPerMinute <= MaxSlopeMbPerMinute),
        new("GC heap slope", $"{F2(GcHeapSlopeMbPerMinute)} MiB/min", $"<= {F2(MaxSlopeMbPerMinute)} MiB/min", GcHeapSlopeMbPerMinute <= MaxSlopeMbPerMinute),
        SessionSlopeKbPerMinute is { } slope
            ? new("state per session slope", $"{F2(slope)} KiB/min", $"<= {F2(MaxSessionSlopeKbPerMinute)} KiB/min", slope <= MaxSessionSlopeKbPerMinute)
            : new("state per session slope", "not exported by the server", $"<= {F2(MaxSessionSlopeKbPerMinute)} KiB/min", null),
        new("failed sessions", Failed.ToString(CultureInfo.InvariantCulture), "0", Failed == 0),
    ];

    /// <summary>Whether every judged criterion passed.</summary>
    public bool Passed => Criteria.All(c => c.Passed is not false);

    private int Failed => Run.Phases.Sum(p => p.Failed);

    private static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}

/// <summary>One soak criterion.</summary>
/// <param name="Name">What is judged.</param>
/// <param name="Measured">The figure measured, with its unit.</param>
/// <param name="Limit">The bound it must meet.</param>
/// <param name="Passed">The verdict; null when it could not be measured.</param>
public sealed record SoakCriterion(string Name, string Measured, string Limit, bool? Passed);

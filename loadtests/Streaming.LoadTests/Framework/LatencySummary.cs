namespace Streaming.LoadTests.Framework;

/// <summary>Percentiles of one latency metric, in milliseconds.</summary>
public sealed record LatencySummary(long Count, double Mean, double P50, double P95, double P99, double Max)
{
    /// <summary>No samples.</summary>
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0);
}

using HdrHistogram;

namespace Streaming.LoadTests.Framework;

/// <summary>A thread-safe HdrHistogram of latencies, recorded in microseconds and reported in milliseconds.</summary>
public sealed class LatencyHistogram
{
    // One hour at microsecond resolution, three significant digits: plenty for speech latencies.
    private const long HighestMicros = 3_600_000_000;
    private readonly LongHistogram histogram = new(HighestMicros, 3);
    private readonly Lock gate = new();

    /// <summary>Records one latency; negative values (clock skew between audio and arrival) count as zero.</summary>
    public void Record(double milliseconds)
    {
        var micros = (long)Math.Round(Math.Clamp(milliseconds, 0, HighestMicros / 1000.0) * 1000);
        lock (gate)
        {
            histogram.RecordValue(micros);
        }
    }

    /// <summary>Count, mean and percentiles so far.</summary>
    public LatencySummary Summarize()
    {
        lock (gate)
        {
            var count = histogram.TotalCount;
            if (count == 0)
            {
                return LatencySummary.Empty;
            }

            double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) / 1000.0;
            return new LatencySummary(count, histogram.GetMean() / 1000.0, Ms(50), Ms(95), Ms(99), histogram.GetMaxValue() / 1000.0);
        }
    }
}

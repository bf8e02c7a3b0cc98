using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Tests;

public class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_of_a_uniform_series_match_their_ranks()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(ms);
        }

        var summary = histogram.Summarize();

        Assert.Equal(1000, summary.Count);
        Assert.Equal(500, summary.P50, 0.5);
        Assert.Equal(950, summary.P95, 0.5);
        Assert.Equal(990, summary.P99, 0.5);
        Assert.Equal(1000, summary.Max, 0.5);
        Assert.Equal(500.5, summary.Mean, 0.5);
    }

    [Fact]
    public void Negative_latencies_from_clock_skew_count_as_zero()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(-3);

        Assert.Equal(0, histogram.Summarize().Max);
    }

    [Fact]
    public void An_empty_histogram_reports_no_samples()
    {
        Assert.Equal(LatencySummary.Empty, new LatencyHistogram().Summarize());
    }
}

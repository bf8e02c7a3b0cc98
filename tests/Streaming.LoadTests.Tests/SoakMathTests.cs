using Streaming.LoadTests.Soak;

namespace Streaming.LoadTests.Tests;

public class SoakMathTests
{
    [Fact]
    public void Slope_of_a_noisy_line_is_its_gradient()
    {
        double[] minutes = [0, 1, 2, 3, 4, 5];
        double[] rss = [100.4, 101.6, 104.3, 105.7, 108.2, 109.9];

        Assert.Equal(1.95, LinearTrend.Slope(minutes, rss), 1);
    }

    [Fact]
    public void Flat_memory_has_no_slope_and_one_sample_has_none_either()
    {
        Assert.Equal(0, LinearTrend.Slope([0, 1, 2], [50, 50, 50]));
        Assert.Equal(0, LinearTrend.Slope([3], [70]));
    }

    [Fact]
    public void Prometheus_values_are_read_by_exact_name_with_or_without_labels()
    {
        const string text = """
            # HELP streaming_process_memory_rss_bytes Resident set size.
            # TYPE streaming_process_memory_rss_bytes gauge
            streaming_process_memory_rss_bytes_peak 999
            streaming_process_memory_rss_bytes{otel_scope_name="Streaming.Server.Process"} 1.5E+08 1732500000000
            streaming_process_threads 42
            """;

        Assert.Equal(1.5e8, PrometheusText.Value(text, "streaming_process_memory_rss_bytes"));
        Assert.Equal(42, PrometheusText.Value(text, "streaming_process_threads"));
        Assert.Null(PrometheusText.Value(text, "streaming_process_handles"));
    }

    [Fact]
    public void A_label_picks_the_sample_whose_label_set_holds_it_exactly()
    {
        const string text = """
            streaming_session_state_bytes{otel_scope_name="Streaming",state="active"} 2097152
            streaming_session_state_bytes{otel_scope_name="Streaming",state="idle"} 524288
            streaming_sessions_by_state{state="idle_long"} 7
            streaming_sessions_by_state{state="idle"} 2
            streaming_sessions_by_state 9
            """;

        Assert.Equal(524288, PrometheusText.Value(text, "streaming_session_state_bytes", "state=\"idle\""));
        Assert.Equal(2097152, PrometheusText.Value(text, "streaming_session_state_bytes", "state=\"active\""));
        Assert.Equal(2, PrometheusText.Value(text, "streaming_sessions_by_state", "state=\"idle\""));
        Assert.Null(PrometheusText.Value(text, "streaming_sessions_by_state", "state=\"active\""));
        Assert.Equal(7, PrometheusText.Value(text, "streaming_sessions_by_state"));
    }
}

namespace Streaming.LoadTests.Soak;

/// <summary>
/// Samples the server process through its Prometheus endpoint: the <c>streaming.process.*</c> gauges the server
/// publishes (resident memory, GC heap, threads, handles), and the session-state gauges when the server has them
/// (older builds do not, and can still be measured).
/// </summary>
public sealed class ServerProbe(HttpClient http, Uri metrics)
{
    /// <summary>Resident set size, bytes.</summary>
    public const string RssMetric = "streaming_process_memory_rss_bytes";

    /// <summary>Managed heap after the last GC, bytes.</summary>
    public const string GcHeapMetric = "streaming_process_gc_heap_bytes";

    /// <summary>Operating-system threads.</summary>
    public const string ThreadsMetric = "streaming_process_threads";

    /// <summary>Open handles.</summary>
    public const string HandlesMetric = "streaming_process_handles";

    /// <summary>Bytes of state held by sessions, labelled by state (idle, active).</summary>
    public const string SessionStateMetric = "streaming_session_state_bytes";

    /// <summary>Sessions, labelled by state (idle, active).</summary>
    public const string SessionsByStateMetric = "streaming_sessions_by_state";

    private const double MiB = 1024 * 1024;

    /// <summary>One sample, stamped <paramref name="seconds"/>; fails when a gauge is missing.</summary>
    public async Task<ServerSample> SampleAsync(double seconds, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(metrics, cancellationToken);
        double Read(string name) => PrometheusText.Value(text, name)
            ?? throw new InvalidOperationException($"{metrics} has no '{name}' gauge; is the server's process meter exported?");
        return new ServerSample(
            seconds, Read(RssMetric) / MiB, Read(GcHeapMetric) / MiB, (int)Read(ThreadsMetric), (int)Read(HandlesMetric), SessionState(text));
    }

    private static SessionStateReading? SessionState(string text)
    {
        double? Read(string metric, string state) => PrometheusText.Value(text, metric, $"state=\"{state}\"");
        return (Read(SessionsByStateMetric, "idle"), Read(SessionStateMetric, "idle"), Read(SessionsByStateMetric, "active"), Read(SessionStateMetric, "active"))
            is (double idle, double idleBytes, double active, double activeBytes)
            ? new SessionStateReading((int)idle, idleBytes / MiB, (int)active, activeBytes / MiB)
            : null;
    }
}

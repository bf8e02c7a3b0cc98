using System.Globalization;
using System.Net;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Memory;
using Streaming.LoadTests.Soak;

namespace Streaming.LoadTests.Tests;

/// <summary>
/// The probe against a fake <c>/metrics</c> whose figures follow the sessions in flight, so the per-session
/// arithmetic has exact answers (the real server's figures are checked by <see cref="LoadSmokeTests"/>).
/// </summary>
public class SessionMemoryProbeTests
{
    private const double MiB = 1024 * 1024;

    [Fact]
    public async Task Per_session_figures_are_the_peaks_over_the_baseline_divided_by_the_sessions_and_the_server_gauge_per_state()
    {
        var server = new FakeServer(exportsSessionState: true);
        using var http = new HttpClient(server);
        var probe = Probe(http);

        var memory = await probe.RunAsync(server.IdleSessionAsync, server.ActiveSessionAsync, 2, null, CancellationToken.None);

        Assert.Equal(2, memory.Sessions);
        Assert.Equal(new MemoryReading(500, 100), memory.Baseline);
        Assert.Equal(3, memory.RssPerIdleMb, 6);
        Assert.Equal(1, memory.GcHeapPerIdleMb, 6);
        Assert.Equal(5, memory.RssPerActiveMb, 6);
        Assert.Equal(2, memory.GcHeapPerActiveMb, 6);
        Assert.Equal(0.25, memory.ServerPerIdleMb!.Value, 6);
        Assert.Equal(1.5, memory.ServerPerActiveMb!.Value, 6);
        Assert.Contains("per idle session 3.0 MiB resident (1.00 MiB managed, server state 0.25 MiB)", SessionMemoryProbe.Describe(memory));
    }

    [Fact]
    public async Task A_server_without_the_session_state_gauges_is_still_measured_by_its_process_figures()
    {
        var server = new FakeServer(exportsSessionState: false);
        using var http = new HttpClient(server);
        var probe = Probe(http);

        var memory = await probe.RunAsync(server.IdleSessionAsync, server.ActiveSessionAsync, 1, null, CancellationToken.None);

        Assert.Equal(3, memory.RssPerIdleMb, 6);
        Assert.Equal(5, memory.RssPerActiveMb, 6);
        Assert.Null(memory.ServerPerIdleMb);
        Assert.Null(memory.ServerPerActiveMb);
        Assert.Contains("server state not exported", SessionMemoryProbe.Describe(memory));
    }

    [Fact]
    public async Task Zero_sessions_are_refused()
    {
        var server = new FakeServer(exportsSessionState: true);
        using var http = new HttpClient(server);
        var probe = Probe(http);

        await Assert.ThrowsAsync<ArgumentException>(() => probe.RunAsync(server.IdleSessionAsync, server.ActiveSessionAsync, 0, null, CancellationToken.None));
    }

    // Holds each state for 1 s, sampling every 50 ms.
    private static SessionMemoryProbe Probe(HttpClient http) => new(
        new LoadRunner(TimeSpan.FromMilliseconds(10)), new ServerProbe(http, new Uri("http://fake/metrics")), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));

    /// <summary>
    /// A server whose memory follows its sessions: 500 MiB resident and 100 MiB managed with none; each idle session
    /// adds 3 MiB resident, 1 MiB managed and 0.25 MiB of state; each active one 5, 2 and 1.5 MiB.
    /// </summary>
    private sealed class FakeServer(bool exportsSessionState) : HttpMessageHandler
    {
        private readonly Counter idle = new();
        private readonly Counter active = new();

        public Task<SessionOutcome> IdleSessionAsync(ScenarioContext context) => HoldAsync(idle, context);

        public Task<SessionOutcome> ActiveSessionAsync(ScenarioContext context) => HoldAsync(active, context);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int i = Volatile.Read(ref idle.Value), a = Volatile.Read(ref active.Value);
            var text = $"""
                streaming_process_memory_rss_bytes{Labels("")} {Bytes(500 + (3 * i) + (5 * a))}
                streaming_process_gc_heap_bytes{Labels("")} {Bytes(100 + i + (2 * a))}
                streaming_process_threads{Labels("")} 40
                streaming_process_handles{Labels("")} 300

                """;
            if (exportsSessionState)
            {
                text += $"""
                    streaming_session_state_bytes{Labels("state=\"active\"")} {Bytes(1.5 * a)}
                    streaming_session_state_bytes{Labels("state=\"idle\"")} {Bytes(0.25 * i)}
                    streaming_sessions_by_state{Labels("state=\"active\"")} {a}
                    streaming_sessions_by_state{Labels("state=\"idle\"")} {i}

                    """;
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(text) });
        }

        private static string Labels(string label) => label.Length == 0 ? "{otel_scope_name=\"Streaming\"}" : $"{{otel_scope_name=\"Streaming\",{label}}}";

        private static string Bytes(double mb) => (mb * MiB).ToString("R", CultureInfo.InvariantCulture);

        private static async Task<SessionOutcome> HoldAsync(Counter sessions, ScenarioContext context)
        {
            Interlocked.Increment(ref sessions.Value);
            try
            {
                await Task.Delay(200, context.CancellationToken);
                return new SessionOutcome([], [], [], null, 0, 1);
            }
            finally
            {
                Interlocked.Decrement(ref sessions.Value);
            }
        }

        private sealed class Counter
        {
            public int Value;
        }
    }
}

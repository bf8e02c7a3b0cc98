using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>The memory-per-session gauges on <c>/metrics</c>, read while a real client streams to the server.</summary>
[Collection(ServerCollection.Name)]
public sealed class SessionMemoryMetricsTests(SharedServer shared)
{
    private const string StateBytes = "streaming_session_state_bytes";
    private const string SessionsByState = "streaming_sessions_by_state";
    private static readonly string Jfk = TestPaths.InRepo("samples", "jfk.wav");

    [Fact]
    public async Task Session_state_gauges_count_an_idle_then_a_speaking_session_and_fall_to_zero_when_it_closes()
    {
        using var admin = shared.Server.AdminHttp();
        await using var client = shared.Server.Client("mona");
        await client.ConnectAsync();
        var source = new WavAudioSource(Jfk);
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate });
        var speak = new TaskCompletionSource();
        var sending = client.SendAudioAsync(sessionId, SilenceThenSpeech(source, speak.Task));

        // Silence: the session holds its VAD and recogniser buffers, and counts as idle.
        await HubStreamingTests.WaitUntilAsync(async () =>
        {
            var metrics = await admin.GetStringAsync("/metrics");
            return Gauge(metrics, SessionsByState, "idle") == 1 && Gauge(metrics, StateBytes, "idle") > 0;
        });
        var silent = await admin.GetStringAsync("/metrics");
        Assert.Equal(0, Gauge(silent, SessionsByState, "active"));
        Assert.Equal(0, Gauge(silent, StateBytes, "active"));

        // Speech: the same session is counted as active, with the audio it buffers.
        speak.SetResult();
        await HubStreamingTests.WaitUntilAsync(async () =>
        {
            var metrics = await admin.GetStringAsync("/metrics");
            return Gauge(metrics, SessionsByState, "active") == 1 && Gauge(metrics, StateBytes, "active") > 0;
        });

        await sending;
        await HubStreamingTests.WaitUntilAsync(async () => (await HubStreamingTests.Sessions(admin)).Length == 0);
        await HubStreamingTests.WaitUntilAsync(async () =>
        {
            var metrics = await admin.GetStringAsync("/metrics");
            return Gauge(metrics, StateBytes, "idle") == 0 && Gauge(metrics, StateBytes, "active") == 0
                && Gauge(metrics, SessionsByState, "idle") == 0 && Gauge(metrics, SessionsByState, "active") == 0;
        });
    }

    // 100 ms packets of silence, paced, until speak completes; then the opening seconds of the clip.
    private static async IAsyncEnumerable<byte[]> SilenceThenSpeech(
        WavAudioSource source, Task speak, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var silence = new byte[source.SampleRate / 10 * 2];
        while (!speak.IsCompleted)
        {
            yield return silence;
            await Task.WhenAny(speak, Task.Delay(100, cancellationToken));
        }

        await foreach (var packet in source.ReadAsync(paced: true, limit: TimeSpan.FromSeconds(3), cancellationToken: cancellationToken))
        {
            yield return packet;
        }
    }

    // The sample of metric with state="state" (any other labels), or null when /metrics lacks it.
    private static double? Gauge(string metrics, string metric, string state)
    {
        var match = Regex.Match(metrics, $@"^{metric}\{{[^}}]*state=""{state}""[^}}]*\}} (\S+)", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}

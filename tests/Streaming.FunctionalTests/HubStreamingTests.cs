using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Streaming.Audio;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class HubStreamingTests(SharedServer shared)
{
    private static readonly string Jfk = TestPaths.InRepo("samples", "jfk.wav");

    // The opening words ("And so my fellow Americans", 0.2-2.4 s) keep the tests quick on a shared machine.
    private static readonly TimeSpan Opening = TimeSpan.FromSeconds(3);
    private TestServer Server => shared.Server;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Streaming_a_wav_gives_started_partials_final_ended_in_order_under_one_segment_id(bool messagePack)
    {
        await using var client = Server.Client("alice", messagePack);
        var log = new EventLog(client);
        await client.ConnectAsync();

        await StreamOpeningAsync(client);

        var events = log.All;
        Assert.Contains(events, e => e.Kind == "partial");
        Assert.Empty(log.Errors);
        var segments = events.GroupBy(e => SegmentOf(e.Payload)).ToArray();
        Assert.NotEmpty(segments);
        foreach (var segment in segments)
        {
            var kinds = segment.Select(e => e.Kind).ToArray();
            Assert.Equal("speechStarted", kinds[0]);
            Assert.Equal("speechEnded", kinds[^1]);
            Assert.Equal("final", kinds[^2]);
            Assert.All(kinds[1..^2], k => Assert.Equal("partial", k));
        }

        var text = string.Join(" ", log.Finals.Select(f => f.Text));
        Assert.Contains("fellow", text, StringComparison.OrdinalIgnoreCase);
        Assert.All(log.Finals, f => Assert.NotEmpty(f.Tokens));
    }

    [Fact]
    public async Task A_viewer_receives_the_same_finals_as_the_owner()
    {
        await using var owner = Server.Client("bob");
        var ownerLog = new EventLog(owner);
        await owner.ConnectAsync();
        var source = new WavAudioSource(Jfk);
        var sessionId = await owner.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate });

        await using var viewer = Server.Client("carol", viewerOf: [sessionId]);
        var viewerLog = new EventLog(viewer);
        await viewer.ConnectAsync();
        await viewer.SubscribeAsync(sessionId);

        await owner.SendAudioAsync(sessionId, source.ReadAsync(paced: false, limit: Opening));

        Assert.NotEmpty(ownerLog.Finals);
        await viewerLog.WaitForAsync(l => l.Finals.Count == ownerLog.Finals.Count);
        Assert.Equal(ownerLog.Finals.Select(f => (f.SegmentId, f.Text)), viewerLog.Finals.Select(f => (f.SegmentId, f.Text)));
        Assert.All(viewerLog.Finals, f => Assert.Equal(sessionId, f.SessionId));
    }

    [Fact]
    public async Task Opus_audio_is_decoded_and_transcribed()
    {
        await using var client = Server.Client("opal");
        var log = new EventLog(client);
        await client.ConnectAsync();
        var (samples, rate) = WavReader.ReadAllMono(Jfk);
        var packets = new List<byte[]>();
        using (var encoder = new OpusEncoder(rate, 1))
        {
            var frame = rate / 50;
            var packet = new byte[OpusEncoder.MaxPacketLength];
            for (var offset = 0; offset + frame <= Opening.TotalSeconds * rate; offset += frame)
            {
                packets.Add(packet.AsSpan(0, encoder.Encode(samples.AsSpan(offset, frame), frame, packet)).ToArray());
            }
        }

        var sessionId = await client.StartSessionAsync(new SessionRequest { Codec = AudioCodecNames.Opus, SampleRate = rate });
        var completed = await client.SendAudioAsync(sessionId, Messages([.. packets]));

        Assert.Equal(Opening.TotalSeconds, completed.AudioSeconds, 2);
        Assert.Empty(log.Errors);
        Assert.Contains(log.Finals, f => f.Text.Contains("fellow", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_session_takes_one_audio_stream_and_unknown_sessions_are_named_in_the_error()
    {
        await using var client = Server.Client("pete");
        await client.ConnectAsync();
        var sessionId = await client.StartSessionAsync(new SessionRequest());
        var first = client.SendAudioAsync(sessionId, SlowMessages());

        var second = await Assert.ThrowsAsync<HubException>(() => client.SendAudioAsync(sessionId, Messages(new byte[320])));
        var unknown = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("no-such-session"));

        Assert.Contains($"Session {sessionId} already has an audio stream", second.Message);
        Assert.Contains("Session no-such-session was not found", unknown.Message);
        await client.StopAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => first);
    }

    [Fact]
    public async Task A_wrong_sample_rate_is_refused_naming_the_supported_rates()
    {
        await using var client = Server.Client("dave");
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartSessionAsync(new SessionRequest { SampleRate = 12345 }));

        Assert.Contains("Sample rate 12345 Hz is not supported", error.Message);
        Assert.Contains("16000", error.Message);
    }

    [Fact]
    public async Task A_language_without_a_model_is_refused_naming_the_supported_ones()
    {
        await using var client = Server.Client("dave");
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartSessionAsync(new SessionRequest { Language = "zh" }));

        Assert.Contains("No model for language 'zh'", error.Message);
        Assert.Contains("en", error.Message);
    }

    [Fact]
    public async Task An_unknown_itn_style_is_refused_and_a_known_one_accepted()
    {
        await using var client = Server.Client("dave");
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.StartSessionAsync(new SessionRequest { ItnStyle = "print" }));

        Assert.Contains("Unknown ITN style 'print'; expected caption or wetext.", error.Message);
        Assert.NotEmpty(await client.StartSessionAsync(new SessionRequest { ItnStyle = "wetext" }));
    }

    [Fact]
    public async Task Too_many_or_too_long_hotwords_are_refused()
    {
        await using var client = Server.Client("dave");
        await client.ConnectAsync();

        var tooMany = await Assert.ThrowsAsync<HubException>(() => client.StartSessionAsync(new SessionRequest { Hotwords = Enumerable.Repeat("word", 101).ToArray() }));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => client.StartSessionAsync(new SessionRequest { Hotwords = [new string('x', 65)] }));

        Assert.Contains("at most 100", tooMany.Message);
        Assert.Contains("at most 64 are allowed", tooLong.Message);
    }

    [Fact]
    public async Task An_oversize_audio_message_ends_the_session_with_an_error_and_the_server_keeps_serving()
    {
        await using var client = Server.Client("erin");
        var log = new EventLog(client);
        await client.ConnectAsync();
        var sessionId = await client.StartSessionAsync(new SessionRequest());

        await client.SendAudioAsync(sessionId, Messages(new byte[16_002]));

        var error = Assert.Single(log.Errors);
        Assert.Equal(ErrorCodes.MessageTooLarge, error.Code);
        Assert.Contains("16002 bytes exceeds the limit of 16000", error.Message);

        await using var other = Server.Client("frank");
        var otherLog = new EventLog(other);
        await other.ConnectAsync();
        await StreamOpeningAsync(other);
        Assert.NotEmpty(otherLog.Finals);
        Assert.Empty(otherLog.Errors);
    }

    [Fact]
    public async Task Client_disconnect_mid_stream_frees_the_session()
    {
        using var admin = Server.AdminHttp();
        var client = Server.Client("gina");
        await client.ConnectAsync();
        var source = new WavAudioSource(Jfk);
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate });
        _ = client.SendAudioAsync(sessionId, source.ReadAsync(paced: true));
        await WaitUntilAsync(async () => (await Sessions(admin)).Any(s => s.SessionId == sessionId && s.AudioSeconds > 0));

        await client.DisposeAsync();

        await WaitUntilAsync(async () => (await Sessions(admin)).Length == 0);
        var metrics = await admin.GetStringAsync("/metrics");
        Assert.Matches(new Regex(@"^streaming_sessions_active(\{[^}]*\})? 0( |$)", RegexOptions.Multiline), metrics);
    }

    [Fact]
    public async Task Metrics_endpoint_shows_the_streaming_metrics_after_a_session()
    {
        await using var client = Server.Client("hank");
        await client.ConnectAsync();
        await StreamOpeningAsync(client);

        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        var metrics = await http.GetStringAsync("/metrics");

        foreach (var name in new[]
        {
            "streaming_sessions_active", "streaming_audio_input_seconds_total", "streaming_chunk_latency_milliseconds_bucket",
            "streaming_partial_latency_milliseconds_bucket", "streaming_final_latency_milliseconds_bucket", "streaming_session_rtf_bucket",
            "streaming_pipeline_queue_depth", "streaming_subscriber_queue_depth",
        })
        {
            Assert.True(metrics.Contains(name, StringComparison.Ordinal), $"/metrics lacks {name}");
        }

        // The partial scheduler's gauges, per device: the session (Moonshine, re-decoding partials) took its turns there.
        Assert.Matches(new Regex(@"^streaming_partials_running\{[^}]*device=""cpu""[^}]*\} \d+", RegexOptions.Multiline), metrics);
        Assert.Matches(new Regex(@"^streaming_partials_waiting\{[^}]*device=""cpu""[^}]*\} \d+", RegexOptions.Multiline), metrics);
    }

    private static async Task StreamOpeningAsync(TranscriptionClient client)
    {
        var source = new WavAudioSource(Jfk);
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate });
        // Paced: a stage that is behind real time holds partials back, and these tests need partials.
        await client.SendAudioAsync(sessionId, source.ReadAsync(paced: true, limit: Opening));
    }

    private static async IAsyncEnumerable<byte[]> SlowMessages()
    {
        while (true)
        {
            await Task.Delay(100);
            yield return new byte[3200];
        }
    }

    internal static async IAsyncEnumerable<byte[]> Messages(params byte[][] messages)
    {
        foreach (var message in messages)
        {
            await Task.Yield();
            yield return message;
        }
    }

    internal static async Task<AdminSession[]> Sessions(HttpClient admin) =>
        await admin.GetFromJsonAsync<AdminSession[]>("/api/admin/sessions") ?? [];

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, double seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Condition not met within {seconds} s.");
            await Task.Delay(100);
        }
    }

    private static int SegmentOf(object payload) => payload switch
    {
        SpeechStarted s => s.SegmentId,
        SpeechEnded e => e.SegmentId,
        TranscriptResult r => r.SegmentId,
        _ => throw new InvalidOperationException($"Unexpected event {payload.GetType().Name}."),
    };
}

public sealed record AdminSession(string SessionId, string Owner, string Language, DateTimeOffset StartedAt, double AudioSeconds, int Subscribers);

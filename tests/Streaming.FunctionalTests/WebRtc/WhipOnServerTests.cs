using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Streaming.Audio;
using Streaming.Server.Sessions;
using Streaming.Testing;
using Streaming.WebRtc;
using Streaming.WebRtc.Srtp;
using Streaming.WebRtc.Stun;

namespace Streaming.FunctionalTests.WebRtc;

/// <summary>WHIP into the real server: a DTLS-SRTP peer's audio becomes a session; bad input is refused or dropped.</summary>
public sealed class WhipOnServerTests(WhipServer fixture) : IClassFixture<WhipServer>
{
    private static float[] Speech(double seconds, double silence)
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
        Assert.Equal(16000, rate);
        return [.. samples[..(int)(16000 * seconds)], .. new float[(int)(16000 * silence)]];
    }

    private LiveSession Session(WhipTestPeer peer) =>
        ((SessionRegistry)fixture.Server.Services.GetService(typeof(SessionRegistry))!).Find(peer.SessionId!)!;

    private async Task<WhipTestPeer> ConnectedPeerAsync(HttpClient http)
    {
        var peer = new WhipTestPeer();
        var response = await peer.PublishAsync(http, peer.Offer());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(StunMessage.BindingSuccess, peer.CheckConnectivity()!.Type);
        await peer.HandshakeAsync();
        return peer;
    }

    [Fact]
    public async Task Published_opus_over_srtp_reaches_a_subscriber_as_finals()
    {
        using var http = fixture.Http("whip-owner");
        using var peer = new WhipTestPeer();
        var response = await peer.PublishAsync(http, peer.Offer());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/sdp", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"/api/whip/{peer.SessionId}", response.Headers.Location?.OriginalString);
        Assert.Contains("a=ice-lite", peer.Answer, StringComparison.Ordinal);
        await using var viewer = fixture.Server.Client("whip-owner");
        var log = new EventLog(viewer);
        await viewer.ConnectAsync();
        await viewer.SubscribeAsync(peer.SessionId!);

        var check = peer.CheckConnectivity()!;
        Assert.Equal(StunMessage.BindingSuccess, check.Type);
        Assert.True(check.FingerprintValid());
        await peer.HandshakeAsync();
        // "And so my fellow Americans", then silence so the segment closes.
        await peer.SendOpusAsync(Speech(3, 1.5));

        await log.WaitForAsync(l => l.Finals.Count > 0, seconds: 60);
        Assert.Contains("fellow", string.Join(" ", log.Finals.Select(f => f.Text)), StringComparison.OrdinalIgnoreCase);
        var stats = fixture.Host.Find(peer.SessionId!)!.Statistics;
        Assert.True(stats.RtpPackets >= 200, $"{stats.RtpPackets} RTP packets");
        Assert.Equal(0, stats.SrtpAuthFailures);
        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync(response.Headers.Location)).StatusCode);
        Assert.Null(fixture.Host.Find(peer.SessionId!));
    }

    [Fact]
    public async Task Srtp_under_a_wrong_key_is_counted_and_dropped_and_the_right_key_still_flows()
    {
        using var http = fixture.Http("whip-keys");
        using var peer = await ConnectedPeerAsync(http);
        using var stranger = new SrtpContext(new byte[16], new byte[14]);
        var session = Session(peer);

        await peer.SendOpusAsync(Speech(0.4, 0), stranger);
        var stats = fixture.Host.Find(peer.SessionId!)!.Statistics;
        // The receive loop may still be on the last datagram when sending returns.
        await WaitUntilAsync(() => stats.SrtpAuthFailures == 20);
        Assert.Equal(0, stats.RtpPackets);
        Assert.Equal(0, session.AudioSeconds);

        await peer.SendOpusAsync(Speech(0.4, 0));
        await WaitUntilAsync(() => session.AudioSeconds > 0.3);
        Assert.Equal(20, stats.RtpPackets);
        Assert.Equal(20, stats.SrtpAuthFailures);
        // Counted for the whole ingress (other tests of this server add their own).
        await MetricReachesAsync("webrtc.packets.dropped", "srtp_auth", 20);
        await MetricReachesAsync("webrtc.rtp.received", null, 20);
    }

    // Waits until this server's WebRTC counter (the name exported to /metrics without its _total) reaches atLeast.
    private async Task MetricReachesAsync(string name, string? reason, long atLeast) =>
        await HubStreamingTests.WaitUntilAsync(() => Task.FromResult(fixture.Count(name, reason) >= atLeast), seconds: 10);

    [Fact]
    public async Task Malformed_stun_and_dtls_garbage_are_dropped_and_the_handshake_still_completes()
    {
        using var http = fixture.Http("whip-garbage");
        using var peer = new WhipTestPeer();
        Assert.Equal(HttpStatusCode.Created, (await peer.PublishAsync(http, peer.Offer())).StatusCode);

        // A binding request under the wrong password is answered 401, one with a broken length not at all.
        var refused = peer.CheckConnectivity(password: "not-the-password-at-all")!;
        Assert.Equal(StunMessage.BindingError, refused.Type);
        peer.Send(Convert.FromHexString("000100ff2112a442b7e7a701bc34d686fa87dfae00060004"));
        Assert.Null(peer.Receive(TimeSpan.FromMilliseconds(300)));

        Assert.Equal(StunMessage.BindingSuccess, peer.CheckConnectivity()!.Type);
        peer.Send([22, 0xFE, 0xFD, 0, 0, 0xDE, 0xAD, 0xBE, 0xEF, 0x01]); // a truncated DTLS record
        peer.Send(Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 23 : i)).ToArray());
        peer.Send([0xFF, 1, 2, 3]); // no protocol of RFC 7983 starts with 255
        await peer.HandshakeAsync();
        await peer.SendOpusAsync(Speech(0.2, 0));

        var stats = fixture.Host.Find(peer.SessionId!)!.Statistics;
        await WaitUntilAsync(() => stats.RtpPackets == 10);
        Assert.True(stats.StunRejected >= 2, $"{stats.StunRejected} STUN rejected");
        Assert.True(stats.Dropped >= 1, $"{stats.Dropped} dropped");
    }

    [Fact]
    public async Task Bad_input_on_one_session_leaves_another_running()
    {
        using var http = fixture.Http("whip-neighbours");
        using var good = await ConnectedPeerAsync(http);
        using var bad = await ConnectedPeerAsync(http);
        using var wrongKey = new SrtpContext(new byte[16], new byte[14]);

        var sending = good.SendOpusAsync(Speech(1, 0));
        for (var i = 0; i < 50; i++)
        {
            bad.Send(RandomBytes(i));
            bad.SendRtp([0xF8, 0xFF, 0xFE], wrongKey);
            await Task.Delay(10);
        }

        await sending;
        var goodStats = fixture.Host.Find(good.SessionId!)!.Statistics;
        await WaitUntilAsync(() => goodStats.RtpPackets == 50);
        Assert.Equal(0, goodStats.SrtpAuthFailures);
        // Random datagrams whose first byte falls in the RTP range fail authentication too.
        var badStats = fixture.Host.Find(bad.SessionId!)!.Statistics;
        Assert.True(badStats.SrtpAuthFailures >= 50, $"{badStats.SrtpAuthFailures} authentication failures");
        Assert.Equal(0, badStats.RtpPackets);
        Assert.Equal(0, Session(bad).AudioSeconds);
    }

    [Theory]
    [InlineData(false, "opus/48000/2", "no audio m-line")]
    [InlineData(true, "PCMU/8000", "no Opus codec")]
    public async Task Offer_without_audio_or_without_opus_is_refused_with_400_and_the_reason(bool audio, string codec, string reason)
    {
        using var http = fixture.Http("whip-refusals");
        using var peer = new WhipTestPeer();

        var response = await peer.PublishAsync(http, peer.Offer(audio).Replace("opus/48000/2", codec, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await Detail(response), StringComparison.Ordinal);
        // The session started before the offer was read is ended again: nothing is left behind.
        var registry = (SessionRegistry)fixture.Server.Services.GetService(typeof(SessionRegistry))!;
        await WaitUntilAsync(() => registry.Sessions.All(s => s.Owner != "whip-refusals"));
    }

    [Fact]
    public async Task Unknown_language_model_or_itn_style_wrong_content_type_missing_token_and_trickle_ice_are_refused_specifically()
    {
        using var http = fixture.Http("whip-refusals");
        using var peer = new WhipTestPeer();

        var language = await peer.PublishAsync(http, peer.Offer(), "?language=xx");
        Assert.Equal(HttpStatusCode.BadRequest, language.StatusCode);
        Assert.Contains("No model for language 'xx'", await Detail(language), StringComparison.Ordinal);

        var model = await peer.PublishAsync(http, peer.Offer(), "?model=whisper-huge");
        Assert.Equal(HttpStatusCode.BadRequest, model.StatusCode);
        Assert.Contains("Model 'whisper-huge' is not installed", await Detail(model), StringComparison.Ordinal);

        var style = await peer.PublishAsync(http, peer.Offer(), "?itnStyle=print");
        Assert.Equal(HttpStatusCode.BadRequest, style.StatusCode);
        Assert.Contains("Unknown ITN style 'print'", await Detail(style), StringComparison.Ordinal);

        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.PostAsync("/api/whip", json)).StatusCode);

        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        Assert.Equal(HttpStatusCode.Unauthorized, (await peer.PublishAsync(anonymous, peer.Offer())).StatusCode);

        using var candidate = new StringContent("a=candidate:1 1 udp 1 127.0.0.1 9 typ host", Encoding.UTF8);
        candidate.Headers.ContentType = new MediaTypeHeaderValue("application/trickle-ice-sdpfrag");
        var patch = await http.PatchAsync("/api/whip/any", candidate);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, patch.StatusCode);
        Assert.Contains("Trickle ICE is not supported", await Detail(patch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keywords_given_as_a_query_parameter_reach_subscribers_as_keywordSpotted()
    {
        using var http = fixture.Http("whip-keywords");
        using var peer = new WhipTestPeer();
        Assert.Equal(HttpStatusCode.Created, (await peer.PublishAsync(http, peer.Offer(), "?language=en&keywords=country")).StatusCode);
        await using var viewer = fixture.Server.Client("whip-keywords");
        var log = new EventLog(viewer);
        await viewer.ConnectAsync();
        await viewer.SubscribeAsync(peer.SessionId!);
        Assert.Equal(StunMessage.BindingSuccess, peer.CheckConnectivity()!.Type);
        await peer.HandshakeAsync();

        // "… ask not what your country can do for you", then silence so the segment closes.
        await peer.SendOpusAsync(Speech(7, 1.5));

        await log.WaitForAsync(l => l.Keywords.Count > 0, seconds: 60);
        var hit = log.Keywords[0];
        Assert.Equal((peer.SessionId, "country"), (hit.SessionId, hit.Keyword));
        Assert.InRange(hit.Start, 3.0, 6.5);
    }

    [Fact]
    public async Task Unusable_keyword_is_refused_with_400_saying_why_and_leaves_no_session()
    {
        using var http = fixture.Http("whip-bad-keywords");
        using var peer = new WhipTestPeer();
        var registry = (SessionRegistry)fixture.Server.Services.GetService(typeof(SessionRegistry))!;
        var before = registry.Count;

        var response = await peer.PublishAsync(http, peer.Offer(), "?language=en&keywords=country&keywords=%3F%21");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("has no letters or digits", await Detail(response), StringComparison.Ordinal);
        Assert.Equal(before, registry.Count);
    }

    [Fact]
    public async Task Publication_that_never_sends_media_ends_with_a_no_media_error_event()
    {
        using var http = fixture.Http("whip-silent");
        using var peer = new WhipTestPeer();
        Assert.Equal(HttpStatusCode.Created, (await peer.PublishAsync(http, peer.Offer())).StatusCode);
        await using var viewer = fixture.Server.Client("whip-silent");
        var log = new EventLog(viewer);
        await viewer.ConnectAsync();
        await viewer.SubscribeAsync(peer.SessionId!);

        await log.WaitForAsync(l => l.Errors.Count > 0, seconds: WhipServer.NoMediaSeconds + 10);

        var error = Assert.Single(log.Errors);
        Assert.Equal(WhipEndCodes.NoMedia, error.Code);
        Assert.Contains($"No audio arrived over WebRTC for {WhipServer.NoMediaSeconds} s", error.Message, StringComparison.Ordinal);
        await WaitUntilAsync(() => fixture.Host.Find(peer.SessionId!) is null);
        await MetricReachesAsync("webrtc.sessions.ended", WhipEndCodes.NoMedia, 1);
    }

    [Fact]
    public async Task Server_refuses_to_start_with_an_invalid_webrtc_port_range_and_names_it()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["WebRtc:UdpPortMin"] = "45000",
            ["WebRtc:UdpPortMax"] = "44000",
        }));

        Assert.Contains("WebRtc:UdpPortMin..UdpPortMax (45000..44000)", error.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(int seed)
    {
        var bytes = new byte[16 + (seed % 40)];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    private static async Task WaitUntilAsync(Func<bool> condition, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}

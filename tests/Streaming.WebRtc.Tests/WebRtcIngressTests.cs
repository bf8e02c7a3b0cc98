using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Streaming.WebRtc.Tests;

public sealed class WebRtcIngressTests
{
    private static string ChromiumOffer => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "offers", "chromium-156-sendonly-audio.sdp"));

    private sealed class NullSink : IWhipMediaSink
    {
        public string? EndCode { get; private set; }

        public void OnOpus(ReadOnlyMemory<byte> packet)
        {
        }

        public void OnEnded(string? errorCode, string message) => EndCode = errorCode;
    }

    [Fact]
    public async Task A_publication_beyond_the_session_limit_is_refused_and_a_closed_one_frees_its_place()
    {
        await using var ingress = new WebRtcIngress(new WebRtcOptions { MaxSessions = 1, UdpPortMin = 42000, UdpPortMax = 42099 }, NullLogger.Instance);
        var first = ingress.Publish(ChromiumOffer, new NullSink());

        var refused = Assert.Throws<WhipCapacityException>(() => ingress.Publish(ChromiumOffer, new NullSink()));
        Assert.Contains("limit of 1 WebRTC sessions", refused.Message, StringComparison.Ordinal);

        await first.DisposeAsync();
        Assert.Equal(0, ingress.Count);
        await using var second = ingress.Publish(ChromiumOffer, new NullSink());
        Assert.Equal(1, ingress.Count);
    }

    [Fact]
    public async Task Media_socket_is_bound_to_the_configured_address_and_port_range_named_in_the_answer()
    {
        await using var ingress = new WebRtcIngress(new WebRtcOptions { UdpPortMin = 42100, UdpPortMax = 42101, PublicAddress = "203.0.113.9" }, NullLogger.Instance);

        await using var publication = ingress.Publish(ChromiumOffer, new NullSink());

        var candidate = publication.AnswerSdp.Split("\r\n").Single(l => l.StartsWith("a=candidate:", StringComparison.Ordinal)).Split(' ');
        Assert.Equal("203.0.113.9", candidate[4]);
        var port = int.Parse(candidate[5], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(port, 42100, 42101);
        // The port is taken on 127.0.0.1 (the bind address), not on every interface.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        Assert.Throws<SocketException>(() => probe.Bind(new IPEndPoint(IPAddress.Loopback, port)));
        Assert.Contains($"a=fingerprint:sha-256 {ingress.Fingerprint}", publication.AnswerSdp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_port_range_is_exhausted_the_publication_is_refused()
    {
        await using var ingress = new WebRtcIngress(new WebRtcOptions { UdpPortMin = 42200, UdpPortMax = 42200 }, NullLogger.Instance);
        await using var first = ingress.Publish(ChromiumOffer, new NullSink());

        var refused = Assert.Throws<WhipCapacityException>(() => ingress.Publish(ChromiumOffer, new NullSink()));

        Assert.Contains("No free UDP port in 42200..42200", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_media_ends_the_publication_and_tells_the_sink_why()
    {
        await using var ingress = new WebRtcIngress(new WebRtcOptions { NoMediaTimeoutSeconds = 1, UdpPortMin = 42300, UdpPortMax = 42399 }, NullLogger.Instance);
        var sink = new NullSink();
        await using var publication = ingress.Publish(ChromiumOffer, sink);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sink.EndCode is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(WhipEndCodes.NoMedia, sink.EndCode);
        Assert.Equal(0, ingress.Count);
    }
}

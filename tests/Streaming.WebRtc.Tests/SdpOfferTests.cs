using System.Net;
using Streaming.WebRtc.Sdp;

namespace Streaming.WebRtc.Tests;

public sealed class SdpOfferTests
{
    private static string Offer(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "offers", name));

    [Fact]
    public void Chromium_offer_gives_opus_111_credentials_and_fingerprint()
    {
        var offer = SdpOffer.Parse(Offer("chromium-156-sendonly-audio.sdp"));

        Assert.Equal(111, offer.OpusPayloadType);
        Assert.Equal(2, offer.OpusChannels);
        Assert.Equal("xJ5n", offer.IceUfrag);
        Assert.Equal("tbd2IzVWpooQj2sNJBQdxtot", offer.IcePwd);
        Assert.Equal("sha-256", offer.FingerprintAlgorithm);
        Assert.Equal(32, offer.Fingerprint.Length);
        Assert.Equal("0", offer.Audio.Mid);
        Assert.Equal("sendonly", offer.Audio.Direction);
    }

    [Fact]
    public void Firefox_style_offer_uses_session_level_fingerprint_and_opus_109()
    {
        var offer = SdpOffer.Parse(Offer("firefox-style-sendrecv-audio.sdp"));

        Assert.Equal(109, offer.OpusPayloadType);
        Assert.Equal("8a3f21c0", offer.IceUfrag);
        Assert.Equal(0x5B, offer.Fingerprint[0]);
    }

    [Fact]
    public void Real_firefox_offer_gives_opus_109_session_fingerprint_and_an_answer_that_rejects_its_video()
    {
        var offer = SdpOffer.Parse(Offer("firefox-99-sendrecv-audio-video.sdp"));

        Assert.Equal(109, offer.OpusPayloadType);
        Assert.Equal(2, offer.OpusChannels);
        Assert.Equal("6c0579ea", offer.IceUfrag);
        Assert.Equal("59efe498b762e472067fa5e134df8722", offer.IcePwd);
        Assert.Equal("sha-256", offer.FingerprintAlgorithm);
        Assert.Equal(0x75, offer.Fingerprint[0]);
        Assert.Equal("0", offer.Audio.Mid);
        Assert.Equal("sendrecv", offer.Audio.Direction);

        var answer = SdpAnswerBuilder.Build(offer, new IPEndPoint(IPAddress.Loopback, 40002), "u", "p", "F", 1);

        Assert.Contains("m=audio 40002 UDP/TLS/RTP/SAVPF 109\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=video 0 ", answer, StringComparison.Ordinal);
        Assert.Contains("a=group:BUNDLE 0\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_is_ice_lite_passive_recvonly_with_one_host_candidate()
    {
        var offer = SdpOffer.Parse(Offer("chromium-156-sendonly-audio.sdp"));

        var answer = SdpAnswerBuilder.Build(offer, new IPEndPoint(IPAddress.Loopback, 40002), "ufrag123", "passwordpasswordpassword", "AB:CD", 7);

        Assert.Contains("a=ice-lite\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=audio 40002 UDP/TLS/RTP/SAVPF 111\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=setup:passive\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=recvonly\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtcp-mux\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=mid:0\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=group:BUNDLE 0\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=fingerprint:sha-256 AB:CD\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=candidate:1 1 udp 2130706431 127.0.0.1 40002 typ host\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Video_section_is_rejected_with_port_zero_in_the_answer()
    {
        var sdp = Offer("chromium-156-sendonly-audio.sdp").Replace("a=group:BUNDLE 0", "a=group:BUNDLE 0 1", StringComparison.Ordinal)
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\na=rtpmap:96 VP8/90000\r\n";

        var answer = SdpAnswerBuilder.Build(SdpOffer.Parse(sdp), new IPEndPoint(IPAddress.Loopback, 40002), "u", "p", "F", 1);

        Assert.Contains("m=video 0 UDP/TLS/RTP/SAVPF 96\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=group:BUNDLE 0\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_without_audio_is_refused_with_a_reason()
    {
        var sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n";

        var error = Assert.Throws<WhipOfferException>(() => SdpOffer.Parse(sdp));

        Assert.Contains("no audio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_without_opus_is_refused_with_a_reason()
    {
        var sdp = Offer("chromium-156-sendonly-audio.sdp").Replace("opus/48000/2", "foo/48000/2", StringComparison.Ordinal);

        var error = Assert.Throws<WhipOfferException>(() => SdpOffer.Parse(sdp));

        Assert.Contains("no Opus", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=ice-ufrag:xJ5n", "ice-ufrag")]
    [InlineData("a=fingerprint:sha-256", "fingerprint")]
    [InlineData("a=rtcp-mux", "rtcp-mux")]
    public void Offer_missing_a_required_attribute_names_it(string line, string named)
    {
        var sdp = string.Join('\n', Offer("chromium-156-sendonly-audio.sdp").Split('\n').Where(l => !l.StartsWith(line, StringComparison.Ordinal)));

        var error = Assert.Throws<WhipOfferException>(() => SdpOffer.Parse(sdp));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_that_is_not_sdp_is_refused()
    {
        Assert.Throws<WhipOfferException>(() => SdpOffer.Parse("hello"));
    }
}

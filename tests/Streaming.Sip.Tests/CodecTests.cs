using Streaming.Sip.Rtp;
using Streaming.Sip.Sdp;

namespace Streaming.Sip.Tests;

[Collection(SipCollection.Name)]
public sealed class CodecTests(SipFixture fixture)
{
    [Fact]
    public void G722_decoding_restores_speech_encoded_by_the_reference_encoder()
    {
        using var encoder = G722Codec.CreateEncoder();
        using var decoder = G722Codec.CreateDecoder();
        var speech = fixture.Speech;
        var decoded = new List<float>();
        var frame = new float[320];
        for (var i = 0; i + 320 <= speech.Length; i += 320)
        {
            var payload = encoder.Encode(speech.AsSpan(i, 320));
            Assert.Equal(160, payload.Length);
            var n = decoder.Decode(payload, frame);
            decoded.AddRange(frame[..n]);
        }

        // The codec's QMF filters delay the signal by a few samples: compare at the best small lag.
        var best = Enumerable.Range(0, 64).Max(lag => SignalToNoise(speech, decoded, lag));
        Assert.True(best > 15, $"G.722 round trip SNR {best:F1} dB");
    }

    [Fact]
    public void Answer_keeps_the_offer_order_accepts_g722_and_stereo_opus_and_refuses_video()
    {
        var offer = SdpSession.Parse(TestUserAgent.Offer((5000, "18 9 0", string.Empty), (5002, "96", "a=rtpmap:96 opus/48000/2|a=fmtp:96 stereo=1|a=sendonly")) +
            "m=video 5004 RTP/AVP 97\r\n");
        var streams = SdpAnswerer.Negotiate(offer);

        Assert.Equal(RtpCodec.G722, streams[0]!.Codec);
        Assert.Equal((RtpCodec.Opus, 2, SdpDirection.SendOnly), (streams[1]!.Codec, streams[1]!.Channels, streams[1]!.PeerDirection));
        Assert.Null(streams[2]);
        var answer = SdpAnswerer.Write(offer, streams, new Dictionary<int, int> { [0] = 7000, [1] = 7002 }, "127.0.0.1", 1, 1);
        Assert.Contains("m=audio 7000 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=audio 7002 RTP/AVP 96\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("m=video 0 RTP/AVP 97\r\n", answer, StringComparison.Ordinal);
    }

    private static double SignalToNoise(float[] reference, List<float> decoded, int lag)
    {
        double signal = 0, noise = 0;
        for (var i = 0; i + lag < decoded.Count && i < reference.Length; i++)
        {
            signal += reference[i] * reference[i];
            var error = reference[i] - decoded[i + lag];
            noise += error * error;
        }

        return 10 * Math.Log10(signal / Math.Max(noise, 1e-12));
    }
}

namespace Streaming.Sip.Rtp;

/// <summary>
/// G.722 at 64 kbit/s through libspandsp: one byte carries two 16 kHz samples. The encoder exists for tests and
/// tools that must produce G.722 RTP. Not thread-safe.
/// </summary>
internal sealed unsafe class G722Codec : IPayloadDecoder
{
    private const int Rate = 64000;
    private readonly IntPtr _state;
    private readonly bool _encoder;
    private short[] _pcm = new short[320];

    private G722Codec(bool encoder)
    {
        _encoder = encoder;
        _state = encoder ? SpanDspNative.EncodeInit(IntPtr.Zero, Rate, 0) : SpanDspNative.DecodeInit(IntPtr.Zero, Rate, 0);
        if (_state == IntPtr.Zero)
        {
            throw new InvalidOperationException("libspandsp could not create a G.722 state.");
        }
    }

    public int Channels => 1;

    public static G722Codec CreateDecoder() => new(encoder: false);

    public static G722Codec CreateEncoder() => new(encoder: true);

    public int Decode(ReadOnlySpan<byte> payload, Span<float> output)
    {
        EnsurePcm(payload.Length * 2);
        int samples;
        fixed (byte* data = payload)
        fixed (short* pcm = _pcm)
        {
            samples = SpanDspNative.Decode(_state, pcm, data, payload.Length);
        }

        for (var i = 0; i < samples; i++)
        {
            output[i] = _pcm[i] / 32768f;
        }

        return samples;
    }

    public int Conceal(int samplesPerChannel, Span<float> output)
    {
        output[..samplesPerChannel].Clear();
        return samplesPerChannel;
    }

    /// <summary>Encodes 16 kHz samples (an even count) into G.722 bytes.</summary>
    public byte[] Encode(ReadOnlySpan<float> samples)
    {
        EnsurePcm(samples.Length);
        for (var i = 0; i < samples.Length; i++)
        {
            _pcm[i] = (short)Math.Clamp(samples[i] * 32767f, short.MinValue, short.MaxValue);
        }

        var encoded = new byte[samples.Length / 2];
        int length;
        fixed (byte* data = encoded)
        fixed (short* pcm = _pcm)
        {
            length = SpanDspNative.Encode(_state, data, pcm, samples.Length);
        }

        return encoded[..length];
    }

    public void Dispose()
    {
        _ = _encoder ? SpanDspNative.EncodeFree(_state) : SpanDspNative.DecodeFree(_state);
    }

    private void EnsurePcm(int length)
    {
        if (_pcm.Length < length)
        {
            _pcm = new short[length];
        }
    }
}

using Streaming.Audio;

namespace Streaming.Sip.Rtp;

/// <summary>G.711 µ-law or A-law at 8 kHz, resampled to 16 kHz; a lost packet is silence.</summary>
internal sealed class G711PayloadDecoder(bool muLaw) : IPayloadDecoder
{
    private readonly Resampler _resampler = new(8000, IPayloadDecoder.OutputRate);
    private float[] _narrow = new float[160];

    public int Channels => 1;

    public int Decode(ReadOnlySpan<byte> payload, Span<float> output)
    {
        if (_narrow.Length < payload.Length)
        {
            _narrow = new float[payload.Length];
        }

        var narrow = _narrow.AsSpan(0, payload.Length);
        if (muLaw)
        {
            G711.DecodeMuLaw(payload, narrow);
        }
        else
        {
            G711.DecodeALaw(payload, narrow);
        }

        return _resampler.Process(narrow, output);
    }

    public int Conceal(int samplesPerChannel, Span<float> output)
    {
        output[..samplesPerChannel].Clear();
        return samplesPerChannel;
    }

    public void Dispose()
    {
    }
}

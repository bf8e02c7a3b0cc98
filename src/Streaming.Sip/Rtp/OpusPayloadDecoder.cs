using Streaming.Audio;

namespace Streaming.Sip.Rtp;

/// <summary>Opus decoded straight to 16 kHz by libopus; lost packets use Opus packet-loss concealment.</summary>
internal sealed class OpusPayloadDecoder(int channels) : IPayloadDecoder
{
    private readonly OpusDecoder _decoder = new(IPayloadDecoder.OutputRate, channels);

    public int Channels => channels;

    public int Decode(ReadOnlySpan<byte> payload, Span<float> output)
    {
        try
        {
            return _decoder.Decode(payload, output);
        }
        catch (Exception ex) when (ex is OpusException or ArgumentException)
        {
            throw new InvalidDataException($"Invalid Opus payload: {ex.Message}", ex);
        }
    }

    public int Conceal(int samplesPerChannel, Span<float> output) => _decoder.DecodeLost(output, samplesPerChannel);

    public void Dispose() => _decoder.Dispose();
}

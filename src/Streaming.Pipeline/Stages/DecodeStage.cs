using System.Threading.Channels;
using Streaming.Audio;

namespace Streaming.Pipeline.Stages;

/// <summary>
/// Turns encoded packets into float samples at the source rate. PCM16 packets may split a sample across
/// packets (the odd byte is carried over); Opus packets are decoded one by one. A packet that cannot be
/// decoded fails the session with a message naming the packet, rather than being skipped silently.
/// </summary>
public sealed class DecodeStage(AudioInputFormat format) : PipelineStage<ReadOnlyMemory<byte>, float[]>, IDisposable
{
    // 120 ms is the longest Opus frame.
    private const int MaxOpusFrameMs = 120;

    private readonly OpusDecoder? _opus = format.Codec == AudioCodec.Opus ? new OpusDecoder(format.SampleRate, 1) : null;
    private readonly float[] _opusBuffer = format.Codec == AudioCodec.Opus ? new float[format.SampleRate * MaxOpusFrameMs / 1000] : [];
    private byte? _carry;
    private long _packets;

    /// <inheritdoc />
    protected override async ValueTask ProcessAsync(ReadOnlyMemory<byte> packet, ChannelWriter<float[]> output, CancellationToken cancellationToken)
    {
        _packets++;
        var samples = Decode(packet.Span);
        if (samples.Length > 0)
        {
            await output.WriteAsync(samples, cancellationToken).ConfigureAwait(false);
        }
    }

    private float[] Decode(ReadOnlySpan<byte> packet)
    {
        switch (format.Codec)
        {
            case AudioCodec.Pcm16:
                return DecodePcm16(packet);
            case AudioCodec.MuLaw:
                var mu = new float[packet.Length];
                G711.DecodeMuLaw(packet, mu);
                return mu;
            case AudioCodec.ALaw:
                var a = new float[packet.Length];
                G711.DecodeALaw(packet, a);
                return a;
            default:
                try
                {
                    var n = _opus!.Decode(packet, _opusBuffer);
                    return _opusBuffer.AsSpan(0, n).ToArray();
                }
                catch (OpusException ex)
                {
                    throw new InvalidDataException($"Audio packet {_packets} is not valid Opus: {ex.Message}", ex);
                }
        }
    }

    private float[] DecodePcm16(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return [];
        }

        Span<byte> joined = stackalloc byte[2];
        var samples = new float[(packet.Length + (_carry.HasValue ? 1 : 0)) / 2];
        var offset = 0;
        if (_carry is { } first)
        {
            joined[0] = first;
            joined[1] = packet[0];
            Pcm16.ToFloat(joined, samples.AsSpan(0, 1));
            packet = packet[1..];
            offset = 1;
            _carry = null;
        }

        var whole = packet.Length & ~1;
        Pcm16.ToFloat(packet[..whole], samples.AsSpan(offset));
        if (whole < packet.Length)
        {
            _carry = packet[^1];
        }

        return samples;
    }

    /// <inheritdoc />
    public void Dispose() => _opus?.Dispose();
}

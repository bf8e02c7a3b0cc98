using System.Buffers.Binary;

namespace Streaming.Audio;

/// <summary>Converts interleaved little-endian frames of one WAV format into mono floats.</summary>
internal sealed class WavFrameDecoder
{
    private readonly WavEncoding _encoding;
    private readonly int _bytesPerSample;
    private readonly int _blockAlign;
    private readonly int _channels;
    private readonly int? _channel;

    internal WavFrameDecoder(WavFormat format, int? channel)
    {
        if (channel >= format.Channels)
        {
            throw new WavFormatException(
                $"Channel {channel} was requested but the file has {format.Channels} channel(s) (0-based).");
        }

        _encoding = format.Encoding;
        _bytesPerSample = format.BitsPerSample / 8;
        _blockAlign = format.BlockAlign;
        _channels = format.Channels;
        _channel = channel;
    }

    /// <summary>Decodes <paramref name="frames"/>.Length frames: one channel, or the average of all.</summary>
    internal void Decode(ReadOnlySpan<byte> source, Span<float> frames)
    {
        for (int i = 0; i < frames.Length; i++)
        {
            ReadOnlySpan<byte> frame = source.Slice(i * _blockAlign, _blockAlign);
            if (_channel is { } c)
            {
                frames[i] = Sample(frame[(c * _bytesPerSample)..]);
                continue;
            }

            float sum = 0;
            for (int ch = 0; ch < _channels; ch++)
            {
                sum += Sample(frame[(ch * _bytesPerSample)..]);
            }

            frames[i] = sum / _channels;
        }
    }

    private float Sample(ReadOnlySpan<byte> b) => (_encoding, _bytesPerSample) switch
    {
        (WavEncoding.IeeeFloat, _) => BinaryPrimitives.ReadSingleLittleEndian(b),
        (_, 2) => BinaryPrimitives.ReadInt16LittleEndian(b) / 32768f,
        (_, 3) => (b[0] | (b[1] << 8) | ((sbyte)b[2] << 16)) / 8388608f,
        _ => BinaryPrimitives.ReadInt32LittleEndian(b) / 2147483648f,
    };
}

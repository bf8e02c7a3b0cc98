namespace Streaming.Audio;

/// <summary>
/// Keeps the most recent samples of a stream, addressed by absolute stream position, so a consumer can
/// look back (pre-roll before a detected speech start) without keeping the whole stream.
/// </summary>
public sealed class AudioRingBuffer
{
    private readonly float[] _buffer;

    /// <summary>Creates a buffer that remembers the last <paramref name="capacity"/> samples.</summary>
    public AudioRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _buffer = new float[capacity];
    }

    /// <summary>Samples the buffer can hold.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Stream position just past the newest sample.</summary>
    public long End { get; private set; }

    /// <summary>Stream position of the oldest sample still held.</summary>
    public long Start => Math.Max(0, End - _buffer.Length);

    /// <summary>Appends samples; the oldest ones fall out once the buffer is full.</summary>
    public void Append(ReadOnlySpan<float> samples)
    {
        if (samples.Length > _buffer.Length)
        {
            End += samples.Length - _buffer.Length;
            samples = samples[^_buffer.Length..];
        }

        var offset = (int)(End % _buffer.Length);
        var first = Math.Min(samples.Length, _buffer.Length - offset);
        samples[..first].CopyTo(_buffer.AsSpan(offset));
        samples[first..].CopyTo(_buffer);
        End += samples.Length;
    }

    /// <summary>
    /// Gives the held samples of [<paramref name="from"/>, <paramref name="to"/>) as at most two spans
    /// (the buffer wraps), in order. Throws when the range is no longer (or not yet) held.
    /// </summary>
    public (ReadOnlyMemory<float> First, ReadOnlyMemory<float> Second) Slice(long from, long to)
    {
        if (from < Start || to > End || from > to)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"Range [{from}, {to}) is outside the held samples [{Start}, {End}).");
        }

        var offset = (int)(from % _buffer.Length);
        var length = (int)(to - from);
        var first = Math.Min(length, _buffer.Length - offset);
        return (_buffer.AsMemory(offset, first), _buffer.AsMemory(0, length - first));
    }
}

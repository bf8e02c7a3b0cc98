namespace Streaming.Audio;

/// <summary>
/// Streams a RIFF/WAVE file as mono float samples at the file's own rate.
/// Supports PCM 16/24/32-bit and IEEE float32 (plain or WAVE_FORMAT_EXTENSIBLE), 1 to 32 channels.
/// Memory use is bounded: one internal buffer, reused across reads. Not thread-safe.
/// </summary>
public sealed class WavReader : IDisposable
{
    // Bytes decoded per refill: large enough to amortise stream calls, small enough to stay cache-friendly.
    private const int BufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly WavFrameDecoder _decoder;
    private readonly byte[] _buffer;
    private long _dataLeft;
    private bool _disposed;

    /// <summary>Reads and validates the header from <paramref name="stream"/>, which is left at the first sample.</summary>
    /// <param name="stream">A readable stream positioned at the start of the RIFF header; it need not be seekable.</param>
    /// <param name="options">Channel selection; null averages all channels.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="stream"/> open.</param>
    /// <exception cref="WavFormatException">The header is malformed or unsupported.</exception>
    public WavReader(Stream stream, WavReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        try
        {
            WavHeader header = WavHeader.Read(stream);
            Format = header.Format;
            _dataLeft = header.DataLimit;
            _decoder = new WavFrameDecoder(Format, options?.Channel);
            _buffer = new byte[BufferBytes - (BufferBytes % Format.BlockAlign)];
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The validated format of the data.</summary>
    public WavFormat Format { get; }

    /// <summary>Opens a WAV file for streaming.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="WavFormatException">The header is malformed or unsupported.</exception>
    public static WavReader Open(string path, WavReaderOptions? options = null) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read), options);

    /// <summary>Reads a whole WAV file as mono floats.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="WavFormatException">The file is malformed, unsupported, or too long for one array.</exception>
    public static (float[] Samples, int SampleRate) ReadAllMono(string path, WavReaderOptions? options = null)
    {
        using WavReader reader = Open(path, options);
        if (reader.Format.FrameCount > Array.MaxLength)
        {
            throw new WavFormatException(
                $"The file has {reader.Format.FrameCount} frames, too many to read into one array; stream it instead.");
        }

        // A file stream is seekable, so FrameCount is known and bounded by the real file length.
        var samples = new float[reader.Format.FrameCount];
        int total = 0;
        int read;
        while (total < samples.Length && (read = reader.ReadMono(samples.AsSpan(total))) > 0)
        {
            total += read;
        }

        return (total == samples.Length ? samples : samples[..total], reader.Format.SampleRate);
    }

    /// <summary>
    /// Reads up to <paramref name="destination"/>.Length mono frames. Returns the number read, 0 at the end.
    /// A partial frame at the end of a truncated file is ignored.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The reader was disposed.</exception>
    public int ReadMono(Span<float> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int blockAlign = Format.BlockAlign;
        int total = 0;
        while (total < destination.Length && _dataLeft >= blockAlign)
        {
            long wantBytes = Math.Min(Math.Min((long)(destination.Length - total) * blockAlign, _buffer.Length), _dataLeft);
            wantBytes -= wantBytes % blockAlign;
            Span<byte> bytes = _buffer.AsSpan(0, (int)wantBytes);
            int got = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            int frames = got / blockAlign;
            _decoder.Decode(bytes[..got], destination.Slice(total, frames));
            total += frames;
            _dataLeft = got < bytes.Length ? 0 : _dataLeft - got;
        }

        return total;
    }

    /// <summary>Closes the stream unless the reader was created with leaveOpen.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}

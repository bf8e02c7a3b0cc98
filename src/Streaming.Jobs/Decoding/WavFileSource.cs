using Streaming.Audio;

namespace Streaming.Jobs.Decoding;

/// <summary>A WAV file streamed through <see cref="WavReader"/> and resampled to 16 kHz when needed.</summary>
internal sealed class WavFileSource : IAudioSource
{
    private readonly WavReader _reader;
    private readonly Resampler _resampler;
    private readonly float[] _input = new float[4096];
    private float[] _pending = [];
    private int _pendingStart;
    private int _pendingCount;
    private bool _ended;

    public WavFileSource(string path)
    {
        try
        {
            _reader = WavReader.Open(path);
        }
        catch (WavFormatException ex)
        {
            throw new AudioDecodeException($"Not a readable WAV file: {ex.Message}", ex);
        }

        _resampler = new Resampler(_reader.Format.SampleRate, AudioFrame.SampleRate);
        Duration = _reader.Format.FrameCount < 0 ? null : _reader.Format.FrameCount / (double)_reader.Format.SampleRate;
    }

    public double? Duration { get; }

    public int Read(Span<float> destination)
    {
        var written = 0;
        while (written < destination.Length)
        {
            if (_pendingCount > 0)
            {
                var take = Math.Min(_pendingCount, destination.Length - written);
                _pending.AsSpan(_pendingStart, take).CopyTo(destination[written..]);
                (_pendingStart, _pendingCount, written) = (_pendingStart + take, _pendingCount - take, written + take);
                continue;
            }

            if (_ended || !Refill())
            {
                break;
            }
        }

        return written;
    }

    public void Dispose() => _reader.Dispose();

    // Resamples the next block of the file into _pending; false at the end of the stream.
    private bool Refill()
    {
        int read;
        try
        {
            read = _reader.ReadMono(_input);
        }
        catch (IOException ex)
        {
            throw new AudioDecodeException($"The WAV file could not be read: {ex.Message}", ex);
        }

        var needed = read > 0 ? _resampler.MaxOutputLength(read) : _resampler.TailLength;
        if (_pending.Length < needed)
        {
            _pending = new float[needed];
        }

        _pendingStart = 0;
        if (read > 0)
        {
            _pendingCount = _resampler.Process(_input.AsSpan(0, read), _pending);
            return true;
        }

        _ended = true;
        _pendingCount = _resampler.Flush(_pending);
        return _pendingCount > 0;
    }
}

namespace Streaming.Asr.Vad;

/// <summary>An <see cref="IVadSink"/> that records segment boundaries only (offline segmentation, tests).</summary>
public sealed class SpeechSegmentCollector(int sampleRate) : IVadSink
{
    private readonly List<SpeechSegment> _segments = [];
    private long _start = -1;

    /// <summary>Segments closed so far, in order.</summary>
    public IReadOnlyList<SpeechSegment> Segments => _segments;

    /// <inheritdoc />
    public void OnSpeechStart(long sample) => _start = sample;

    /// <inheritdoc />
    public void OnSpeechAudio(ReadOnlySpan<float> samples, long startSample)
    {
    }

    /// <inheritdoc />
    public void OnSpeechEnd(long sample)
    {
        _segments.Add(new SpeechSegment(_start / (double)sampleRate, sample / (double)sampleRate));
        _start = -1;
    }
}

/// <summary>A stretch of speech, in seconds from the start of the stream.</summary>
public readonly record struct SpeechSegment(double Start, double End)
{
    /// <summary>Length in seconds.</summary>
    public double Duration => End - Start;
}

using Streaming.Asr.Vad;

namespace Streaming.Jobs;

/// <summary>An <see cref="IVadSink"/> that gathers each segment's audio and queues whole segments.</summary>
internal sealed class SegmentCollector(long offset) : IVadSink
{
    private readonly List<float> _audio = [];
    private long _start;

    /// <summary>Segments closed since the last drain, with positions shifted by the file offset.</summary>
    public Queue<(long Start, long End, float[] Samples)> Closed { get; } = new();

    /// <summary>Samples of speech seen so far (what reaches the recogniser).</summary>
    public long SpeechSamples { get; private set; }

    public void OnSpeechStart(long sample)
    {
        _start = sample;
        _audio.Clear();
    }

    public void OnSpeechAudio(ReadOnlySpan<float> samples, long startSample) => _audio.AddRange(samples);

    public void OnSpeechEnd(long sample)
    {
        SpeechSamples += _audio.Count;
        Closed.Enqueue((_start + offset, sample + offset, _audio.ToArray()));
        _audio.Clear();
    }
}

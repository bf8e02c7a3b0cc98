using Streaming.Audio;

namespace Streaming.Asr.Vad;

/// <summary>
/// Streaming VAD for one stream: cuts incoming audio of any block size into Silero windows, scores them,
/// segments the probabilities and hands the speech (with pre-roll padding from a look-back buffer) to an
/// <see cref="IVadSink"/>. Silence between segments never reaches the sink. Steady state allocates nothing.
/// </summary>
public sealed class VoiceActivityDetector : IDisposable
{
    private readonly SileroVadStream _stream;
    private readonly VadSegmenter _segmenter;
    private readonly AudioRingBuffer _history;
    private readonly float[] _window;
    private readonly VadEvent[] _events = new VadEvent[2];
    private int _windowFill;
    private long _emittedUpTo;

    /// <summary>Creates a detector for audio at <paramref name="sampleRate"/> (8000 or 16000 Hz).</summary>
    public VoiceActivityDetector(SileroVadModel model, VadOptions options, int sampleRate)
    {
        _segmenter = new VadSegmenter(options, sampleRate);
        _stream = model.CreateStream(sampleRate);
        _window = new float[_stream.WindowSize];
        _history = new AudioRingBuffer((int)_segmenter.LookBackSamples + 4 * _stream.WindowSize);
    }

    /// <summary>Sample rate of the audio this detector takes.</summary>
    public int SampleRate => _stream.SampleRate;

    /// <summary>Total samples accepted so far.</summary>
    public long Position => _history.End + _windowFill;

    /// <summary>The probability of the most recently scored window.</summary>
    public float LastProbability { get; private set; }

    /// <summary>Bytes of this stream's state: the look-back buffer, the window being filled and the model's state.</summary>
    public long StateBytes => (((long)_history.Capacity + _window.Length) * sizeof(float)) + _stream.StateBytes;

    /// <summary>Feeds audio; decisions and speech audio go to <paramref name="sink"/> as they are made.</summary>
    public void Accept(ReadOnlySpan<float> samples, IVadSink sink)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, _window.Length - _windowFill);
            samples[..take].CopyTo(_window.AsSpan(_windowFill));
            _windowFill += take;
            samples = samples[take..];
            if (_windowFill == _window.Length)
            {
                ScoreWindow(sink);
            }
        }
    }

    /// <summary>
    /// Ends the stream: a partly filled window is kept as audio of an open segment, and an open
    /// segment is closed so the last words reach the sink.
    /// </summary>
    public void Flush(IVadSink sink)
    {
        if (_windowFill > 0)
        {
            _history.Append(_window.AsSpan(0, _windowFill));
            _windowFill = 0;
        }

        if (_segmenter.Flush(_history.End) is { } end)
        {
            EmitAudio(end, sink);
            sink.OnSpeechEnd(end);
        }
    }

    private void ScoreWindow(IVadSink sink)
    {
        var windowStart = _history.End;
        LastProbability = _stream.Score(_window);
        _history.Append(_window);
        _windowFill = 0;

        var count = _segmenter.Push(LastProbability, windowStart, _history.End, _events);
        for (var i = 0; i < count; i++)
        {
            var e = _events[i];
            if (e.Kind == VadEventKind.SpeechStart)
            {
                _emittedUpTo = e.Sample;
                sink.OnSpeechStart(e.Sample);
            }
            else
            {
                EmitAudio(e.Sample, sink);
                sink.OnSpeechEnd(e.Sample);
            }
        }

        if (_segmenter.InSpeech)
        {
            EmitAudio(_segmenter.ReleasableUpTo, sink);
        }
    }

    private void EmitAudio(long upTo, IVadSink sink)
    {
        if (upTo <= _emittedUpTo)
        {
            return;
        }

        var (first, second) = _history.Slice(_emittedUpTo, upTo);
        sink.OnSpeechAudio(first.Span, _emittedUpTo);
        if (!second.IsEmpty)
        {
            sink.OnSpeechAudio(second.Span, _emittedUpTo + first.Length);
        }

        _emittedUpTo = upTo;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}

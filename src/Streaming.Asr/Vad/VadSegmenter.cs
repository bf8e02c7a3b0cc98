namespace Streaming.Asr.Vad;

/// <summary>
/// Turns per-window speech probabilities into speech segments: hysteresis between
/// <see cref="VadOptions.Threshold"/> and the negative threshold, speech shorter than the minimum dropped,
/// segments closed only after the minimum silence, padding on both sides, and a maximum length.
/// A segment's start is only announced once it has lasted the minimum speech time, so a click never
/// produces events. Pure logic: no model, no audio.
/// </summary>
public sealed class VadSegmenter
{
    private readonly float _threshold;
    private readonly float _negativeThreshold;
    private readonly long _minSpeech;
    private readonly long _minSilence;
    private readonly long _pad;
    private readonly long _maxSpeech;

    private bool _triggered;
    private bool _confirmed;
    private long _triggerAt;
    private long _segmentStart;
    private long? _silenceSince;
    private long _lastEnd;
    private long _position;

    /// <summary>Creates a segmenter for audio at <paramref name="sampleRate"/>.</summary>
    public VadSegmenter(VadOptions options, int sampleRate)
    {
        options.Validate();
        _threshold = options.Threshold;
        _negativeThreshold = options.EffectiveNegativeThreshold;
        _minSpeech = ToSamples(options.MinSpeechMs, sampleRate);
        _minSilence = ToSamples(options.MinSilenceMs, sampleRate);
        _pad = ToSamples(options.SpeechPadMs, sampleRate);
        _maxSpeech = ToSamples(options.MaxSpeechMs, sampleRate);
        LookBackSamples = _pad + _minSpeech + _minSilence;
    }

    /// <summary>How far behind the newest window a start can be placed: the audio a caller must keep.</summary>
    public long LookBackSamples { get; }

    /// <summary>True while a confirmed segment is open.</summary>
    public bool InSpeech => _confirmed;

    /// <summary>
    /// While <see cref="InSpeech"/>, the position up to which the segment's audio is certainly speech or
    /// padding; audio after it is held back until the silence either ends the segment or turns out short.
    /// </summary>
    public long ReleasableUpTo => _silenceSince is { } since ? Math.Min(_position, since + _pad) : _position;

    /// <summary>
    /// Feeds the probability of the window [<paramref name="windowStart"/>, <paramref name="windowEnd"/>)
    /// and writes the boundaries it decides into <paramref name="events"/> (at most two: an end and a new
    /// start when a segment is cut at its maximum length). Returns how many were written.
    /// </summary>
    public int Push(float probability, long windowStart, long windowEnd, Span<VadEvent> events)
    {
        _position = windowEnd;
        var count = 0;
        if (!_triggered)
        {
            if (probability < _threshold)
            {
                return 0;
            }

            _triggered = true;
            _triggerAt = windowStart;
            _silenceSince = null;
        }
        else if (probability >= _threshold)
        {
            _silenceSince = null;
        }
        else if (probability < _negativeThreshold)
        {
            _silenceSince ??= windowStart;
        }

        if (_silenceSince is { } silence && windowEnd - silence >= _minSilence)
        {
            if (_confirmed)
            {
                _lastEnd = Math.Min(windowEnd, silence + _pad);
                events[count++] = new VadEvent(VadEventKind.SpeechEnd, _lastEnd);
            }

            _triggered = _confirmed = false;
            _silenceSince = null;
            return count;
        }

        if (!_confirmed && (_silenceSince ?? windowEnd) - _triggerAt >= _minSpeech)
        {
            _confirmed = true;
            _segmentStart = Math.Max(Math.Max(0, _triggerAt - _pad), _lastEnd);
            events[count++] = new VadEvent(VadEventKind.SpeechStart, _segmentStart);
        }

        if (_confirmed && windowEnd - _segmentStart >= _maxSpeech)
        {
            // Cut here; if speech goes on, the next segment starts at once with no padding overlap.
            _lastEnd = windowEnd;
            events[count++] = new VadEvent(VadEventKind.SpeechEnd, windowEnd);
            if (_silenceSince is null)
            {
                _segmentStart = _triggerAt = windowEnd;
                events[count++] = new VadEvent(VadEventKind.SpeechStart, windowEnd);
            }
            else
            {
                _triggered = _confirmed = false;
                _silenceSince = null;
            }
        }

        return count;
    }

    /// <summary>
    /// Ends the stream at <paramref name="streamEnd"/>: an open confirmed segment is closed (so the last
    /// words are not lost); unconfirmed speech is dropped. Returns the end position, or null if none was open.
    /// </summary>
    public long? Flush(long streamEnd)
    {
        var wasOpen = _confirmed;
        var end = _silenceSince is { } since ? Math.Min(streamEnd, since + _pad) : streamEnd;
        _triggered = _confirmed = false;
        _silenceSince = null;
        _position = streamEnd;
        if (!wasOpen)
        {
            return null;
        }

        _lastEnd = end;
        return end;
    }

    private static long ToSamples(int milliseconds, int sampleRate) => (long)milliseconds * sampleRate / 1000;
}

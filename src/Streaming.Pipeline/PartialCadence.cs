namespace Streaming.Pipeline;

/// <summary>
/// Decides when a session computes its next partial hypothesis. A partial is due after a base amount of
/// new speech; when a decode took long (re-decoding grows with the segment, and contention on a busy
/// machine slows it), the interval widens so decoding uses at most a set share of real time; and while
/// the stage is behind, due partials are skipped until it has caught up.
/// </summary>
public sealed class PartialCadence
{
    private readonly long _baseInterval;
    private readonly double _loadShare;
    private readonly int _sampleRate;
    private long _since;

    /// <summary>Creates the cadence for audio at <paramref name="sampleRate"/>.</summary>
    public PartialCadence(int baseIntervalMs, int loadPercent, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baseIntervalMs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(loadPercent);
        _baseInterval = (long)baseIntervalMs * sampleRate / 1000;
        _loadShare = loadPercent / 100.0;
        _sampleRate = sampleRate;
        Interval = _baseInterval;
    }

    /// <summary>New speech (samples) currently required between partials.</summary>
    public long Interval { get; private set; }

    /// <summary>Counts new speech.</summary>
    public void Add(int samples) => _since += samples;

    /// <summary>Whether to decode a partial now; <paramref name="behind"/> says the stage has a backlog.</summary>
    public bool IsDue(bool behind)
    {
        return _since >= Interval && !behind;
    }

    /// <summary>Records a partial decode and how long it took; sets the next interval.</summary>
    public void Decoded(TimeSpan elapsed)
    {
        _since = 0;
        Interval = Math.Max(_baseInterval, (long)(elapsed.TotalSeconds / _loadShare * _sampleRate));
    }

    /// <summary>Starts over for a new utterance.</summary>
    public void Reset()
    {
        _since = 0;
        Interval = _baseInterval;
    }
}

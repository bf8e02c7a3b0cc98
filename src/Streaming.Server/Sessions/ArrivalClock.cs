using System.Diagnostics;

namespace Streaming.Server.Sessions;

/// <summary>
/// Remembers when each stretch of a session's audio arrived, so the latency of a result can be measured
/// from the arrival of the audio it ends on. Bounded: old arrivals are forgotten as results move past them.
/// </summary>
public sealed class ArrivalClock
{
    private const int MaxEntries = 4096;
    private readonly Queue<(double StreamEnd, long Timestamp)> _arrivals = new();
    private readonly Lock _lock = new();
    private double _received;

    /// <summary>Seconds of audio received so far.</summary>
    public double ReceivedSeconds
    {
        get
        {
            lock (_lock)
            {
                return _received;
            }
        }
    }

    /// <summary>Records that <paramref name="seconds"/> more audio arrived at <paramref name="timestamp"/> (<see cref="Stopwatch"/> ticks).</summary>
    public void Arrived(double seconds, long timestamp)
    {
        lock (_lock)
        {
            _received += seconds;
            if (_arrivals.Count == MaxEntries)
            {
                _arrivals.Dequeue();
            }

            _arrivals.Enqueue((_received, timestamp));
        }
    }

    /// <summary>
    /// Time from the arrival of the audio at stream time <paramref name="streamSeconds"/> to
    /// <paramref name="now"/>; null when that arrival is no longer known.
    /// </summary>
    public TimeSpan? Since(double streamSeconds, long now)
    {
        lock (_lock)
        {
            // Arrivals ending before this point can no longer be the answer for later results either.
            while (_arrivals.Count > 1 && _arrivals.Peek().StreamEnd < streamSeconds)
            {
                _arrivals.Dequeue();
            }

            return _arrivals.TryPeek(out var arrival) && arrival.StreamEnd >= streamSeconds - 1e-6
                ? Stopwatch.GetElapsedTime(arrival.Timestamp, now)
                : null;
        }
    }
}

using System.Diagnostics;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// Maps stream time to wall time for one paced session, as for a live microphone: audio at stream time t is
/// spoken at origin + t, and a packet is sent once it has been fully captured. A message about stream time t
/// that arrives at wall time w has latency w - (origin + t), which includes the packet's own length.
/// </summary>
public sealed class AudioClock
{
    private long origin = Stopwatch.GetTimestamp();

    /// <summary>Stream time 0 is now: call just before the first packet is captured.</summary>
    public void Start() => origin = Stopwatch.GetTimestamp();

    /// <summary>Milliseconds from when stream time <paramref name="streamSeconds"/> was spoken until now.</summary>
    public double LatencyMs(double streamSeconds) => LatencyMs(streamSeconds, Stopwatch.GetTimestamp());

    /// <summary>Milliseconds from when stream time <paramref name="streamSeconds"/> was spoken until <paramref name="timestamp"/>.</summary>
    public double LatencyMs(double streamSeconds, long timestamp) =>
        Stopwatch.GetElapsedTime(origin, timestamp).TotalMilliseconds - (streamSeconds * 1000);

    /// <summary>Waits until stream time <paramref name="streamSeconds"/> has been spoken.</summary>
    public Task WaitUntilAsync(double streamSeconds, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(streamSeconds) - Stopwatch.GetElapsedTime(origin);
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}

using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// Collects what one session's messages say about latency while it streams: the first partial of each segment
/// (from the segment's speech onset), every partial (from the end of the audio it covers) and each final (from
/// the segment's end of speech); and the partials' cadence: the audio (ms) between consecutive partials of a segment. Segments that were seen but never got a final count as dropped messages. The finals'
/// texts, in segment order, are the session's transcript.
/// </summary>
public sealed class SessionMeasurements(AudioClock clock)
{
    private readonly Lock gate = new();
    private readonly List<double> firstPartial = [];
    private readonly List<double> partial = [];
    private readonly List<double> final = [];
    private readonly List<double> partialInterval = [];
    private readonly Dictionary<int, double> lastPartialEnd = [];
    private readonly HashSet<int> segmentsSeen = [];
    private readonly HashSet<int> segmentsWithPartial = [];
    private readonly HashSet<int> segmentsFinal = [];
    private readonly SortedDictionary<int, string> finalTexts = [];
    private string? error;
    private int messages;

    /// <summary>A segment opened.</summary>
    public void SpeechStarted(int segmentId) => Seen(segmentId);

    /// <summary>A segment closed.</summary>
    public void SpeechEnded(int segmentId) => Seen(segmentId);

    /// <summary>A partial for stream time [<paramref name="start"/>, <paramref name="end"/>] arrived now.</summary>
    public void Partial(int segmentId, double start, double end)
    {
        lock (gate)
        {
            messages++;
            segmentsSeen.Add(segmentId);
            if (segmentsWithPartial.Add(segmentId))
            {
                firstPartial.Add(clock.LatencyMs(start));
            }

            partial.Add(clock.LatencyMs(end));
            if (lastPartialEnd.TryGetValue(segmentId, out var previous))
            {
                partialInterval.Add((end - previous) * 1000);
            }

            lastPartialEnd[segmentId] = end;
        }
    }

    /// <summary>A final with <paramref name="text"/> whose speech ended at stream time <paramref name="end"/> arrived now.</summary>
    public void Final(int segmentId, double end, string text)
    {
        lock (gate)
        {
            messages++;
            segmentsSeen.Add(segmentId);
            if (segmentsFinal.Add(segmentId))
            {
                final.Add(clock.LatencyMs(end));
                finalTexts[segmentId] = text;
            }
        }
    }

    /// <summary>The server reported an error; the first one is the session's error.</summary>
    public void Error(string code, string message)
    {
        lock (gate)
        {
            messages++;
            error ??= $"{code}: {message}";
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="grace"/>) until every segment seen has its final: the client SDK may run
    /// event handlers after it reports the end of the audio stream.
    /// </summary>
    public async Task SettleAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + grace;
        while (OpenSegments() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>The session's outcome; a server error reported earlier wins over the client-side <paramref name="failure"/>.</summary>
    public SessionOutcome ToOutcome(string? failure = null)
    {
        lock (gate)
        {
            var dropped = OpenSegments();
            return new SessionOutcome([.. firstPartial], [.. partial], [.. final], error ?? failure, dropped, messages)
            {
                Transcript = string.Join(" ", finalTexts.Values.Where(t => t.Length > 0)),
                PartialIntervalMs = [.. partialInterval],
            };
        }
    }

    private int OpenSegments()
    {
        lock (gate)
        {
            return segmentsSeen.Count(id => !segmentsFinal.Contains(id));
        }
    }

    private void Seen(int segmentId)
    {
        lock (gate)
        {
            messages++;
            segmentsSeen.Add(segmentId);
        }
    }
}

using System.Collections.Concurrent;

namespace Streaming.LoadTests.Framework;

/// <summary>
/// Step statistics of one phase (NBomber's step stats): every session that ended during the phase adds its
/// outcome here, and the runner samples how many sessions were in flight.
/// </summary>
public sealed class PhaseStats
{
    private readonly LatencyHistogram firstPartial = new();
    private readonly LatencyHistogram partial = new();
    private readonly LatencyHistogram final = new();
    private readonly LatencyHistogram partialInterval = new();
    private readonly ConcurrentDictionary<string, int> errors = new();
    private readonly Lock gate = new();
    private int sessions;
    private int failed;
    private int dropped;
    private int messages;
    private int peakConcurrency;
    private long concurrencySum;
    private int concurrencySamples;
    private TranscriptAccuracy? accuracy;

    /// <summary>Adds one finished session.</summary>
    public void Add(SessionOutcome outcome)
    {
        foreach (var ms in outcome.FirstPartialMs)
        {
            firstPartial.Record(ms);
        }

        foreach (var ms in outcome.PartialMs)
        {
            partial.Record(ms);
        }

        foreach (var ms in outcome.FinalMs)
        {
            final.Record(ms);
        }

        foreach (var ms in outcome.PartialIntervalMs)
        {
            partialInterval.Record(ms);
        }

        if (outcome.Accuracy is { } scored)
        {
            lock (gate)
            {
                accuracy = accuracy?.Add(scored) ?? scored;
            }
        }

        Interlocked.Increment(ref sessions);
        Interlocked.Add(ref dropped, outcome.DroppedMessages);
        Interlocked.Add(ref messages, outcome.MessagesReceived);
        if (outcome.Error is { } error)
        {
            Interlocked.Increment(ref failed);
            errors.AddOrUpdate(error, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Records how many sessions were in flight at one instant of the phase.</summary>
    public void SampleConcurrency(int inFlight)
    {
        lock (gate)
        {
            peakConcurrency = Math.Max(peakConcurrency, inFlight);
            concurrencySum += inFlight;
            concurrencySamples++;
        }
    }

    /// <summary>The phase's figures so far.</summary>
    public PhaseResult ToResult(int index, LoadSimulation simulation)
    {
        lock (gate)
        {
            return new PhaseResult(
                index,
                simulation.Describe(),
                simulation.TargetLoad,
                peakConcurrency,
                concurrencySamples == 0 ? 0 : concurrencySum / (double)concurrencySamples,
                Volatile.Read(ref sessions),
                Volatile.Read(ref failed),
                Volatile.Read(ref dropped),
                Volatile.Read(ref messages),
                new SortedDictionary<string, int>(errors, StringComparer.Ordinal),
                firstPartial.Summarize(),
                partial.Summarize(),
                final.Summarize())
            {
                Accuracy = accuracy,
                PartialInterval = partialInterval.Summarize(),
            };
        }
    }
}

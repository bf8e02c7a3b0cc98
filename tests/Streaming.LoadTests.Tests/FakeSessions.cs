using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Tests;

/// <summary>Sessions without a server, for testing the runner's load control: they take time and report latencies.</summary>
internal sealed class FakeSessions(TimeSpan duration, Func<int, double> latencyForConcurrency)
{
    private int inFlight;
    private int peak;
    private int first;

    /// <summary>Most fake sessions ever running at once, as the sessions themselves saw it.</summary>
    public int Peak => Volatile.Read(ref peak);

    /// <summary>How many fake sessions were running when the first one started (itself included).</summary>
    public int First => Volatile.Read(ref first);

    public async Task<SessionOutcome> RunAsync(ScenarioContext context)
    {
        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref peak, now);
        Interlocked.CompareExchange(ref first, now, 0);
        try
        {
            await Task.Delay(duration, context.CancellationToken);
            var latency = latencyForConcurrency(now);
            return new SessionOutcome([latency], [latency, latency], [latency * 2], null, 0, 4);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

using Streaming.LoadTests.Capacity;
using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Tests;

public class CapacitySearchTests
{
    [Fact]
    public async Task Finds_the_largest_level_within_the_latency_limit()
    {
        // Latency grows 45 ms per concurrent session; the limit is 100 + 150 = 250 ms, so 5 is the capacity.
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(30), n => 45.0 * n);
        var search = new CapacitySearch(
            new LoadRunner(TimeSpan.FromMilliseconds(10)),
            new CapacityCriteria(PacketMs: 100),
            TimeSpan.FromMilliseconds(60),
            TimeSpan.FromMilliseconds(250),
            maxSessions: 32);

        var result = await search.RunAsync(sessions.RunAsync, null, CancellationToken.None);

        Assert.Equal(5, result.Capacity);
        Assert.Equal([1, 2, 4, 8, 6, 5], result.Steps.Select(s => s.Sessions));
        Assert.All(result.Steps, s => Assert.Equal(s.Sessions <= 5, s.Passed));
        Assert.Equal(250, result.P95LimitMs);
    }

    [Fact]
    public async Task Stops_at_the_ceiling_when_every_level_passes()
    {
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(20), _ => 10);
        var search = new CapacitySearch(
            new LoadRunner(TimeSpan.FromMilliseconds(10)), new CapacityCriteria(20), TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(100), maxSessions: 3);

        var result = await search.RunAsync(sessions.RunAsync, null, CancellationToken.None);

        Assert.Equal(3, result.Capacity);
        Assert.Equal([1, 2, 3], result.Steps.Select(s => s.Sessions));
    }

    [Fact]
    public void A_level_with_errors_or_drops_fails_whatever_its_latency()
    {
        var criteria = new CapacityCriteria(100);
        var ok = Phase(p95: 240, failed: 0, dropped: 0);

        Assert.Null(criteria.Failure(ok));
        Assert.Equal("p95 partial 260 ms > 250 ms", criteria.Failure(ok with { Partial = ok.Partial with { P95 = 260 } }));
        Assert.StartsWith("1 of 4 sessions failed (overloaded", criteria.Failure(Phase(100, failed: 1, dropped: 0)));
        Assert.Equal("2 dropped messages", criteria.Failure(Phase(100, failed: 0, dropped: 2)));
    }

    private static PhaseResult Phase(double p95, int failed, int dropped) => new(
        1, "keep_constant(4, 1s)", 4, 4, 4, 4, failed, dropped, 20,
        failed > 0 ? new Dictionary<string, int> { ["overloaded: too many sessions"] = failed } : new Dictionary<string, int>(),
        LatencySummary.Empty,
        new LatencySummary(10, p95 / 2, p95 / 2, p95, p95, p95),
        LatencySummary.Empty);
}

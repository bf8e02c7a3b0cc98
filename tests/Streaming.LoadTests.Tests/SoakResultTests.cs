using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Reporting;
using Streaming.LoadTests.Soak;

namespace Streaming.LoadTests.Tests;

public class SoakResultTests
{
    [Fact]
    public void A_soak_within_every_slope_and_without_failures_passes_each_criterion()
    {
        var soak = Soak(rss: 0.4, gcHeap: -0.1, perSessionKb: 3, failed: 0);

        Assert.True(soak.Passed);
        Assert.Equal(["RSS slope", "GC heap slope", "state per session slope", "failed sessions"], soak.Criteria.Select(c => c.Name));
        Assert.All(soak.Criteria, c => Assert.True(c.Passed));
        Assert.Equal("3.00 KiB/min", soak.Criteria[2].Measured);
    }

    [Theory]
    [InlineData(2.5, 0, 0, 0, "RSS slope")]
    [InlineData(0, 2.5, 0, 0, "GC heap slope")]
    [InlineData(0, 0, 80, 0, "state per session slope")]
    [InlineData(0, 0, 0, 1, "failed sessions")]
    public void Each_criterion_fails_the_soak_on_its_own(double rss, double gcHeap, double perSessionKb, int failed, string failing)
    {
        var soak = Soak(rss, gcHeap, perSessionKb, failed);

        Assert.False(soak.Passed);
        var criterion = Assert.Single(soak.Criteria, c => c.Passed == false);
        Assert.Equal(failing, criterion.Name);
        var headline = ReportContent.Headline(new LoadReport("soak", DateTimeOffset.UnixEpoch, MachineInfo.Current(null), new Dictionary<string, string>(), [soak.Run], Soak: soak));
        Assert.StartsWith("Soak at 3 sessions: FAIL: ", headline);
        Assert.Contains($"{failing} {criterion.Measured} ({criterion.Limit}, FAIL)", headline);
        Assert.Equal(2, headline.Split(", FAIL)").Length);
    }

    [Fact]
    public void A_server_without_the_session_state_gauges_leaves_that_criterion_unjudged_and_the_soak_is_judged_on_the_rest()
    {
        var soak = Soak(rss: 0.1, gcHeap: 0.1, perSessionKb: null, failed: 0);

        Assert.True(soak.Passed);
        var unjudged = Assert.Single(soak.Criteria, c => c.Passed is null);
        Assert.Equal("state per session slope", unjudged.Name);
        Assert.Equal("not exported by the server", unjudged.Measured);
        Assert.False((soak with { RssSlopeMbPerMinute = 9 }).Passed);
    }

    [Fact]
    public void The_soak_report_tables_the_criteria_and_the_state_per_session_over_time()
    {
        var soak = Soak(rss: 0.1, gcHeap: 0.1, perSessionKb: 1, failed: 0) with
        {
            Samples =
            [
                new ServerSample(0, 800, 60, 40, 300, new SessionStateReading(1, 0.25, 2, 3.0)),
                new ServerSample(5, 801, 61, 40, 300),
            ],
        };

        var markdown = MarkdownReport.Render(new LoadReport("soak", DateTimeOffset.UnixEpoch, MachineInfo.Current(null), new Dictionary<string, string>(), [soak.Run], Soak: soak));

        Assert.Contains("| state per session slope | 1.00 KiB/min | <= 64.00 KiB/min | pass |", markdown);
        Assert.Contains("| 0 | 800.0 | 60.0 | 40 | 300 | 1 / 2 | 1109 |", markdown);
        Assert.Contains("| 5 | 801.0 | 61.0 | 40 | 300 | - | - |", markdown);
    }

    private static SoakResult Soak(double rss, double gcHeap, double? perSessionKb, int failed)
    {
        var stats = new PhaseStats();
        for (var i = 0; i < 4; i++)
        {
            stats.Add(i < failed ? SessionOutcome.Failed("boom") : new SessionOutcome([100], [120], [300], null, 0, 3));
        }

        var phase = stats.ToResult(0, LoadSimulation.KeepConstant(3, TimeSpan.FromMinutes(1)));
        return new SoakResult(3, 60, rss, gcHeap, 2, perSessionKb, 64, [], new ScenarioResult("soak_3", [phase], TimeSpan.FromMinutes(1)));
    }
}

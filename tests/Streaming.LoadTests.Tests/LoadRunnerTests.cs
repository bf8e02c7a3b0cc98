using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Tests;

public class LoadRunnerTests
{
    private static readonly LoadRunner Runner = new(TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task Keep_constant_holds_exactly_the_requested_sessions_in_flight()
    {
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(20), _ => 10);
        var scenario = Scenario.Create("keep", sessions.RunAsync).WithLoadSimulations(LoadSimulation.KeepConstant(3, TimeSpan.FromSeconds(1)));

        var result = await Runner.RunAsync(scenario);

        Assert.Equal(3, sessions.Peak);
        Assert.InRange(result.Steady.PeakConcurrency, 1, 3);
        Assert.True(result.Steady.Sessions > 3, $"copies should run sessions back to back; got {result.Steady.Sessions}");
        Assert.Equal(0, result.Steady.Failed);
    }

    [Fact]
    public async Task Ramp_rises_gradually_to_the_target()
    {
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(20), _ => 10);
        var scenario = Scenario.Create("ramp", sessions.RunAsync)
            .WithLoadSimulations(LoadSimulation.RampingConstant(6, TimeSpan.FromSeconds(1)), LoadSimulation.KeepConstant(6, TimeSpan.FromMilliseconds(200)));

        var result = await Runner.RunAsync(scenario);

        Assert.True(sessions.First < 6, $"the first session should start with few others; it saw {sessions.First}");
        Assert.True(result.Phases[0].MeanConcurrency < 6, $"a ramp averages below its target; mean was {result.Phases[0].MeanConcurrency:F1}");
        Assert.Equal(6, sessions.Peak);
    }

    [Fact]
    public async Task Inject_starts_rate_sessions_every_interval()
    {
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(10), _ => 10);
        var scenario = Scenario.Create("inject", sessions.RunAsync)
            .WithLoadSimulations(LoadSimulation.Inject(2, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)));

        var result = await Runner.RunAsync(scenario);

        // Ticks at 0, 100, ..., 400 ms: five injections of two, give or take one tick of timer slack.
        Assert.InRange(result.Steady.Sessions, 8, 12);
    }

    [Fact]
    public async Task Failed_sessions_are_counted_with_their_message()
    {
        var scenario = Scenario.Create("fail", _ => Task.FromException<SessionOutcome>(new InvalidOperationException("server said no")))
            .WithLoadSimulations(LoadSimulation.Inject(1, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(120)));

        var result = await Runner.RunAsync(scenario);

        Assert.True(result.Steady.Sessions > 0);
        Assert.Equal(result.Steady.Sessions, result.Steady.Failed);
        Assert.Equal("InvalidOperationException: server said no", Assert.Single(result.Steady.Errors).Key);
    }

    [Fact]
    public async Task Sessions_still_streaming_at_the_end_finish_and_are_counted()
    {
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(300), _ => 25);
        var scenario = Scenario.Create("drain", sessions.RunAsync).WithLoadSimulations(LoadSimulation.KeepConstant(2, TimeSpan.FromMilliseconds(50)));

        var result = await Runner.RunAsync(scenario);

        Assert.Equal(2, result.Steady.Sessions);
        Assert.Equal(4, result.Steady.Partial.Count);
        Assert.Equal(25, result.Steady.Partial.P50, 1);
        Assert.Equal(50, result.Steady.Final.P99, 1);
    }

    [Fact]
    public async Task Impossible_simulations_are_refused_before_any_session_starts()
    {
        var started = 0;
        var scenario = Scenario.Create("bad", _ =>
        {
            Interlocked.Increment(ref started);
            return Task.FromResult(SessionOutcome.Failed("unreachable"));
        }).WithLoadSimulations(LoadSimulation.KeepConstant(1, TimeSpan.FromSeconds(1)), LoadSimulation.Inject(1, TimeSpan.Zero, TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Runner.RunAsync(scenario));

        Assert.Contains("interval must be positive", error.Message);
        Assert.Equal(0, started);
    }

    [Fact]
    public async Task Copies_whose_sessions_fail_back_off_instead_of_spinning()
    {
        var started = 0;
        var scenario = Scenario.Create("refused", _ =>
        {
            Interlocked.Increment(ref started);
            return Task.FromResult(SessionOutcome.Failed("Connection refused"));
        }).WithLoadSimulations(LoadSimulation.KeepConstant(2, TimeSpan.FromSeconds(1)));

        var result = await Runner.RunAsync(scenario);

        // Waits of 100, 200, 400, 800 ms after failures in a row: at most 4-5 sessions per copy in a second.
        Assert.InRange(started, 2, 10);
        Assert.Equal(started, result.Steady.Failed);
    }
}

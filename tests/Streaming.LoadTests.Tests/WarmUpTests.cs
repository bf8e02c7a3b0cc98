using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Tests;

public class WarmUpTests
{
    private static readonly LoadRunner Runner = new(TimeSpan.FromMilliseconds(10));

    [Fact]
    public async Task A_warm_up_of_zero_seconds_runs_no_session_and_reports_none()
    {
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(20), _ => 10);
        var warmUp = new WarmUp(4, TimeSpan.Zero);

        var result = await warmUp.RunAsync(Runner, sessions.RunAsync, null, CancellationToken.None);

        Assert.False(warmUp.Enabled);
        Assert.Null(result);
        Assert.Equal(0, sessions.Peak);
        Assert.Equal("none", warmUp.Describe(result));
    }

    [Fact]
    public async Task A_warm_up_holds_its_sessions_for_its_duration_and_describes_them_as_not_judged()
    {
        var sessions = new FakeSessions(TimeSpan.FromMilliseconds(50), n => 100 * n);
        var warmUp = new WarmUp(3, TimeSpan.FromSeconds(1));
        var lines = new List<string>();

        var result = await warmUp.RunAsync(Runner, sessions.RunAsync, new Progress(lines), CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("warm_up", result.Name);
        Assert.Equal(3, sessions.Peak);
        Assert.InRange(result.Duration, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.True(result.Steady.Sessions >= 3, $"copies run sessions back to back; got {result.Steady.Sessions}");
        var line = warmUp.Describe(result);
        Assert.StartsWith($"3 sessions for 1 s, not judged: {result.Steady.Sessions} sessions ended, 0 failed, p95 partial ", line);
        Assert.Contains(lines, l => l.StartsWith("warm-up done (not judged): ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(2, -1.0)]
    public async Task A_warm_up_without_sessions_or_with_a_negative_duration_is_refused(int sessions, double seconds)
    {
        var fake = new FakeSessions(TimeSpan.FromMilliseconds(20), _ => 10);
        var warmUp = new WarmUp(sessions, TimeSpan.FromSeconds(seconds));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => warmUp.RunAsync(Runner, fake.RunAsync, null, CancellationToken.None));

        Assert.Contains("at least one session", error.Message);
        Assert.Equal(0, fake.Peak);
    }

    // Records progress lines synchronously (Progress<T> posts them to the thread pool).
    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (lines)
            {
                lines.Add(value);
            }
        }
    }
}

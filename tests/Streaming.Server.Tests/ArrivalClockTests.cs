using System.Diagnostics;
using Streaming.Server.Sessions;

namespace Streaming.Server.Tests;

public sealed class ArrivalClockTests
{
    private static readonly long Second = Stopwatch.Frequency;

    [Fact]
    public void Latency_is_measured_from_the_arrival_of_the_audio_a_result_ends_on()
    {
        var clock = new ArrivalClock();
        clock.Arrived(0.5, timestamp: 0);
        clock.Arrived(0.5, timestamp: Second);

        Assert.Equal(1.0, clock.ReceivedSeconds, 6);
        Assert.Equal(TimeSpan.FromSeconds(2), clock.Since(0.4, now: 2 * Second));
        Assert.Equal(TimeSpan.FromSeconds(1), clock.Since(0.9, now: 2 * Second));
    }

    [Fact]
    public void Audio_not_received_yet_has_no_latency()
    {
        var clock = new ArrivalClock();
        clock.Arrived(0.5, timestamp: 0);

        Assert.Null(clock.Since(2.0, now: Second));
    }
}

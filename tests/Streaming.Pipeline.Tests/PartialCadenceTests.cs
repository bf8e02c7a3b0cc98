namespace Streaming.Pipeline.Tests;

public sealed class PartialCadenceTests
{
    [Fact]
    public void Partial_is_due_after_the_base_interval_of_new_speech()
    {
        var cadence = new PartialCadence(baseIntervalMs: 500, loadPercent: 50, sampleRate: 16000);
        cadence.Add(7_999);
        Assert.False(cadence.IsDue(behind: false));
        cadence.Add(1);
        Assert.True(cadence.IsDue(behind: false));
        cadence.Decoded(TimeSpan.FromMilliseconds(10));
        Assert.False(cadence.IsDue(behind: false));
    }

    [Fact]
    public void Slow_decodes_widen_the_interval_to_stay_within_the_load_share()
    {
        var cadence = new PartialCadence(baseIntervalMs: 500, loadPercent: 50, sampleRate: 16000);
        cadence.Add(8_000);
        cadence.Decoded(TimeSpan.FromMilliseconds(400));

        // 400 ms of decoding at a 50 % share needs 800 ms of new speech before the next partial.
        Assert.Equal(12_800, cadence.Interval);
        cadence.Add(12_799);
        Assert.False(cadence.IsDue(behind: false));
        cadence.Add(1);
        Assert.True(cadence.IsDue(behind: false));
        cadence.Reset();
        Assert.Equal(8_000, cadence.Interval);
    }

    [Fact]
    public void Due_partials_wait_while_the_stage_is_behind()
    {
        var cadence = new PartialCadence(baseIntervalMs: 500, loadPercent: 50, sampleRate: 16000);
        cadence.Add(20_000);
        Assert.False(cadence.IsDue(behind: true));
        Assert.True(cadence.IsDue(behind: false));
    }
}

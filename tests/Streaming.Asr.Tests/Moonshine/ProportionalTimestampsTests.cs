using Streaming.Asr.Moonshine;
namespace Streaming.Asr.Tests.Moonshine;

public sealed class ProportionalTimestampsTests
{
    [Fact]
    public void SpreadsTheSegmentByTextLength()
    {
        var times = ProportionalTimestamps.Spread([1, 3, 0], 1.0);
        Assert.Equal((0.0, 0.2), times[0]);
        Assert.Equal(0.2, times[1].Start, 9);
        Assert.Equal(0.8, times[1].End, 9);
        Assert.Equal(1.0, times[2].End, 9);
    }
}

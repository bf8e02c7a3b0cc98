using Streaming.Asr.Endpointing;

namespace Streaming.Asr.Tests.Endpointing;

public sealed class QuietestPointTests
{
    [Fact]
    public void Finds_the_gap_between_two_loud_stretches()
    {
        var samples = new float[16_000];
        var random = new Random(3);
        for (var i = 0; i < samples.Length; i++)
        {
            var inGap = i is >= 9_000 and < 9_800;
            samples[i] = (float)(random.NextDouble() - 0.5) * (inGap ? 0.01f : 0.8f);
        }

        Assert.InRange(QuietestPoint.Find(samples), 9_000, 9_800);
    }

    [Fact]
    public void Ties_go_to_the_latest_frame()
    {
        var silence = new float[3_200];
        Assert.Equal(3_200 - (QuietestPoint.FrameSamples / 2), QuietestPoint.Find(silence));
    }

    [Fact]
    public void Input_shorter_than_a_frame_is_cut_at_its_end()
    {
        Assert.Equal(100, QuietestPoint.Find(new float[100]));
    }
}

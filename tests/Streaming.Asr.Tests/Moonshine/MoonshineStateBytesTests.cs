namespace Streaming.Asr.Tests.Moonshine;

/// <summary>What a Moonshine stream reports as held state (the server's memory-per-session gauge sums it).</summary>
[Collection(MoonshineCollection.Name)]
public sealed class MoonshineStateBytesTests(MoonshineFixture fixture)
{
    private const int SampleRate = 16000;

    [Fact]
    public void State_is_the_segment_audio_buffer_which_doubles_for_a_long_segment_and_keeps_its_capacity_after_the_final()
    {
        using var stream = fixture.Model.CreateStream();
        long initial = stream.StateBytes;

        stream.AcceptAudio(new float[SampleRate * 3]);
        long short3s = stream.StateBytes;
        stream.AcceptAudio(new float[SampleRate * 3]);
        long long6s = stream.StateBytes;
        stream.Finish();

        Assert.Equal(SampleRate * 4 * sizeof(float), initial);
        Assert.Equal(initial, short3s);
        Assert.Equal(2 * initial, long6s);
        Assert.Equal(long6s, stream.StateBytes);
    }
}

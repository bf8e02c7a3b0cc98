using Streaming.Testing;
using Streaming.Audio;

namespace Streaming.Audio.Tests;

public class RealFileTests
{
    [Theory]
    [InlineData("silero-test.wav", 16000, 1_920_000)]
    [InlineData("aepyx_8k.wav", 8000, 2_706_432)]
    public void Real_recording_is_read_with_its_declared_format(string name, int rate, long dataBytes)
    {
        string path = TestPaths.SharedTestData("audio", name);

        using (WavReader reader = WavReader.Open(path))
        {
            Assert.Equal(new WavFormat(rate, 1, 16, WavEncoding.Pcm, dataBytes), reader.Format);
        }

        (float[] samples, int sampleRate) = WavReader.ReadAllMono(path);

        Assert.Equal(rate, sampleRate);
        Assert.Equal(dataBytes / 2, samples.Length);
        Assert.InRange(Signal.Rms(samples), 0.001, 1);
        Assert.All(samples, s => Assert.InRange(s, -1f, 1f));
    }

    [Fact]
    public void Real_8k_recording_resamples_to_twice_as_many_16k_samples_with_similar_loudness()
    {
        (float[] samples, int rate) = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "aepyx_8k.wav"));

        float[] upsampled = Resampler.Resample(samples, rate, AudioFrame.SampleRate);

        Assert.Equal(samples.Length * 2, upsampled.Length);
        Assert.InRange(Signal.Rms(upsampled) / Signal.Rms(samples), 0.9, 1.05);
    }
}

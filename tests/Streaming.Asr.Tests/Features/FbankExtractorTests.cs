using Streaming.Asr.Features;
namespace Streaming.Asr.Tests.Features;

public sealed class FbankExtractorTests
{
    private const int Rate = 16000;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(399, 0)]
    [InlineData(400, 1)]
    [InlineData(559, 1)]
    [InlineData(560, 2)]
    [InlineData(16000, 98)]
    public void FrameCountFollowsSnipEdges(int samples, int expected)
    {
        var fbank = new FbankExtractor();
        fbank.AcceptWaveform(new float[samples]);
        Assert.Equal(expected, fbank.FramesReady);
        if (samples >= 400)
        {
            Assert.Equal(1 + ((samples - 400) / 160), fbank.FramesReady);
        }
    }

    [Fact]
    public void RandomChunkingEqualsFeedingAtOnce()
    {
        float[] audio = Noise(Rate * 2, seed: 1);
        var whole = new FbankExtractor();
        whole.AcceptWaveform(audio);
        var chunked = new FbankExtractor();
        var random = new Random(2);
        for (int offset = 0; offset < audio.Length;)
        {
            int size = Math.Min(random.Next(0, 1200), audio.Length - offset);
            chunked.AcceptWaveform(audio.AsSpan(offset, size));
            offset += size;
        }

        Assert.Equal(whole.FramesReady, chunked.FramesReady);
        for (int i = 0; i < whole.FramesReady; i++)
        {
            Assert.True(whole.GetFrame(i).SequenceEqual(chunked.GetFrame(i)), $"frame {i} differs");
        }
    }

    [Fact]
    public void SilenceGivesTheFloor()
    {
        var fbank = new FbankExtractor();
        fbank.AcceptWaveform(new float[1000]);
        float floor = MathF.Log(1.1920929e-7f);
        Assert.Equal(floor, FbankExtractor.FloorValue);
        for (int i = 0; i < fbank.FramesReady; i++)
        {
            Assert.All(fbank.GetFrame(i).ToArray(), v => Assert.Equal(floor, v));
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(2500)]
    [InlineData(6000)]
    public void SineEnergyLandsInTheNearestMelBin(double frequency)
    {
        var fbank = new FbankExtractor();
        fbank.AcceptWaveform(Sine(frequency, 0.5, 2000));
        float[] frame = fbank.GetFrame(3).ToArray();
        int loudest = Array.IndexOf(frame, frame.Max());
        Assert.Equal(NearestMelCentre(frequency, 80), loudest);
    }

    [Fact]
    public void FrameMatchesDirectDftImplementation()
    {
        float[] audio = Sine(440, 0.3, 800);
        float[] noise = Noise(800, seed: 3);
        for (int i = 0; i < audio.Length; i++)
        {
            audio[i] += 0.05f * noise[i];
        }

        var fbank = new FbankExtractor();
        fbank.AcceptWaveform(audio);
        for (int frame = 0; frame < fbank.FramesReady; frame++)
        {
            double[] expected = DirectFbank(audio.AsSpan(frame * 160, 400));
            float[] actual = fbank.GetFrame(frame).ToArray();
            for (int m = 0; m < 80; m++)
            {
                Assert.True(Math.Abs(expected[m] - actual[m]) < 2e-3, $"frame {frame} bin {m}: {expected[m]} vs {actual[m]}");
            }
        }
    }

    [Fact]
    public void InputScaleOptionReplacesTheInt16Scaling()
    {
        float[] audio = Noise(4000, seed: 4);
        var scaled = new FbankExtractor();
        scaled.AcceptWaveform(audio);
        var unscaled = new FbankExtractor(new FbankOptions { InputScale = 1f });
        unscaled.AcceptWaveform(audio.Select(s => s * 32768f).ToArray());
        Assert.True(scaled.GetFrame(5).SequenceEqual(unscaled.GetFrame(5)));
    }

    [Fact]
    public void GetFramesCopiesRowsAndInputFinishedStopsInput()
    {
        var fbank = new FbankExtractor();
        fbank.AcceptWaveform(Noise(2000, seed: 5));
        var rows = new float[3 * fbank.Dimension];
        fbank.GetFrames(2, 3, rows);
        Assert.True(rows.AsSpan(fbank.Dimension, fbank.Dimension).SequenceEqual(fbank.GetFrame(3)));
        fbank.InputFinished();
        Assert.Throws<InvalidOperationException>(() => fbank.AcceptWaveform(new float[10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => fbank.GetFrame(fbank.FramesReady));
        fbank.Reset();
        Assert.Equal(0, fbank.FramesReady);
        fbank.AcceptWaveform(new float[400]);
        Assert.Equal(1, fbank.FramesReady);
    }

    /// <summary>Kaldi fbank of one frame, computed the slow, obvious way in double precision.</summary>
    private static double[] DirectFbank(ReadOnlySpan<float> samples)
    {
        int n = samples.Length;
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = samples[i] * 32768.0;
        }

        double mean = x.Average();
        for (int i = 0; i < n; i++)
        {
            x[i] -= mean;
        }

        var emphasised = new double[n];
        for (int i = 0; i < n; i++)
        {
            emphasised[i] = x[i] - (0.97 * x[Math.Max(i - 1, 0)]);
        }

        for (int i = 0; i < n; i++)
        {
            emphasised[i] *= Math.Pow(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / (n - 1))), 0.85);
        }

        var power = new double[256];
        for (int k = 0; k < 256; k++)
        {
            double re = 0;
            double im = 0;
            for (int i = 0; i < n; i++)
            {
                re += emphasised[i] * Math.Cos(2 * Math.PI * k * i / 512);
                im -= emphasised[i] * Math.Sin(2 * Math.PI * k * i / 512);
            }

            power[k] = (re * re) + (im * im);
        }

        double melLow = Mel(20);
        double delta = (Mel(8000) - melLow) / 81;
        var result = new double[80];
        for (int m = 0; m < 80; m++)
        {
            double left = melLow + (m * delta);
            double centre = left + delta;
            double right = centre + delta;
            double energy = 0;
            for (int k = 0; k < 256; k++)
            {
                double mel = Mel(k * 16000.0 / 512);
                double weight = mel > left && mel <= centre ? (mel - left) / delta : mel > centre && mel < right ? (right - mel) / delta : 0;
                energy += weight * power[k];
            }

            result[m] = Math.Log(Math.Max(energy, 1.1920929e-7));
        }

        return result;
    }

    private static int NearestMelCentre(double frequency, int bins)
    {
        double melLow = Mel(20);
        double delta = (Mel(8000) - melLow) / (bins + 1);
        return Enumerable.Range(0, bins).MinBy(m => Math.Abs(InverseMel(melLow + ((m + 1) * delta)) - frequency));
    }

    private static double Mel(double hz) => 1127 * Math.Log(1 + (hz / 700));

    private static double InverseMel(double mel) => 700 * (Math.Exp(mel / 1127) - 1);

    private static float[] Sine(double frequency, double amplitude, int samples) =>
        Enumerable.Range(0, samples).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / Rate))).ToArray();

    private static float[] Noise(int samples, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, samples).Select(_ => (float)(random.NextDouble() - 0.5) * 0.2f).ToArray();
    }
}

using Streaming.Asr.Features;
using Streaming.Testing;
namespace Streaming.Asr.Tests.Features;

public sealed class FbankExtractorTests
{
    private const int Rate = 16000;

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(79, 0, 0)]
    [InlineData(80, 0, 1)]
    [InlineData(279, 0, 2)]
    [InlineData(280, 1, 2)]
    [InlineData(440, 2, 3)]
    [InlineData(16000, 99, 100)]
    public void Frames_are_centred_on_their_shift_and_the_last_ones_come_with_the_end_of_input(int samples, int streaming, int finished)
    {
        var fbank = new FbankExtractor();
        fbank.AcceptWaveform(new float[samples]);
        Assert.Equal(streaming, fbank.FramesReady);
        fbank.InputFinished();
        Assert.Equal(finished, fbank.FramesReady);
    }

    [Fact]
    public void Features_equal_the_encoder_input_of_sherpa_onnx_bit_for_bit()
    {
        // What sherpa-onnx 1.13.8 (npm sherpa-onnx-linux-x64) gave its encoder for test_wavs/5.wav, captured at
        // ONNX Runtime's Run: the first 40 frames, little-endian float32, 80 per frame. Its KISS FFT is built with
        // -ffast-math, so these differ in the last bit from kaldi-native-fbank built plainly from source.
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Features", "sherpa-onnx-5wav.f32"));
        var expected = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, expected, 0, bytes.Length);
        var clip = SpeechClip.Read(TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "5.wav"));
        var fbank = new FbankExtractor();
        fbank.AcceptWaveform(clip.Samples);
        var actual = new float[expected.Length];
        fbank.GetFrames(0, expected.Length / fbank.Dimension, actual);
        int differing = expected.Zip(actual).Count(p => BitConverter.SingleToInt32Bits(p.First) != BitConverter.SingleToInt32Bits(p.Second));
        Assert.True(differing == 0, $"{differing} of {expected.Length} values differ from sherpa-onnx's features");
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

        whole.InputFinished();
        chunked.InputFinished();
        Assert.Equal(whole.FramesReady, chunked.FramesReady);
        for (int i = 0; i < whole.FramesReady; i++)
        {
            Assert.True(whole.GetFrame(i).SequenceEqual(chunked.GetFrame(i)), $"frame {i} differs");
        }
    }

    [Fact]
    public void Discarding_read_frames_keeps_the_later_ones_and_their_indices()
    {
        float[] audio = Noise(Rate * 2, seed: 3);
        var whole = new FbankExtractor();
        whole.AcceptWaveform(audio);
        var trimmed = new FbankExtractor();
        for (int offset = 0; offset < audio.Length; offset += 1600)
        {
            trimmed.AcceptWaveform(audio.AsSpan(offset, 1600));
            trimmed.DiscardBefore(trimmed.FramesReady - 10);
        }

        Assert.Equal(whole.FramesReady, trimmed.FramesReady);
        for (int i = whole.FramesReady - 10; i < whole.FramesReady; i++)
        {
            Assert.True(whole.GetFrame(i).SequenceEqual(trimmed.GetFrame(i)), $"frame {i} differs");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => trimmed.GetFrame(whole.FramesReady - 11));
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
            // Frame f covers samples [160f - 120, 160f + 280); the first ones reflect the signal around its start.
            double[] expected = DirectFbank([.. Enumerable.Range((160 * frame) - 120, 400).Select(i => audio[i < 0 ? -i - 1 : i])]);
            float[] actual = fbank.GetFrame(frame).ToArray();
            for (int m = 0; m < 80; m++)
            {
                Assert.True(Math.Abs(expected[m] - actual[m]) < 2e-3, $"frame {frame} bin {m}: {expected[m]} vs {actual[m]}");
            }
        }
    }

    [Fact]
    public void Samples_in_minus_one_to_one_are_used_unscaled_unless_asked()
    {
        float[] audio = Noise(4000, seed: 4);
        var unscaled = new FbankExtractor();
        unscaled.AcceptWaveform(audio.Select(s => s * 32768f).ToArray());
        var scaled = new FbankExtractor(new FbankOptions { InputScale = 32768f });
        scaled.AcceptWaveform(audio);
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

    /// <summary>
    /// Kaldi fbank of one frame as sherpa-onnx configures it for icefall models (samples as given, 80 bins from
    /// 20 Hz to 7600 Hz), computed the slow, obvious way in double precision.
    /// </summary>
    private static double[] DirectFbank(ReadOnlySpan<float> samples)
    {
        int n = samples.Length;
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = samples[i];
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
        double delta = (Mel(7600) - melLow) / 81;
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
        double delta = (Mel(7600) - melLow) / (bins + 1);
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

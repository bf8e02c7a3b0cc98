using Streaming.Audio;

namespace Streaming.Audio.Tests;

public class ResamplerTests
{
    private const double Amplitude = 0.5;

    public static TheoryData<int, int, double> PassbandTones => new()
    {
        { 8000, 16000, 1000 },
        { 8000, 16000, 3000 },
        { 16000, 8000, 3000 },
        { 48000, 16000, 1000 },
        { 48000, 16000, 6000 },
        { 44100, 16000, 6000 },
        { 32000, 16000, 6000 },
        { 24000, 16000, 6000 },
        { 22050, 16000, 6000 },
        { 11025, 16000, 4000 },
    };

    /// <summary>Input rate, output rate, tone, and where the tone lands in the output if it leaks.</summary>
    public static TheoryData<int, int, double, double> RejectedTones => new()
    {
        { 48000, 16000, 10000, 6000 },
        { 48000, 16000, 15000, 1000 },
        { 48000, 16000, 8500, 7500 },
        { 44100, 16000, 12000, 4000 },
        { 22050, 16000, 9000, 7000 },
        { 32000, 16000, 9000, 7000 },
        { 16000, 8000, 5000, 3000 },
        { 8000, 16000, 3000, 5000 },
        { 11025, 16000, 5000, 11025 - 5000 },
    };

    [Theory]
    [MemberData(nameof(PassbandTones))]
    public void Passband_tone_keeps_its_amplitude_within_half_a_dB(int inputRate, int outputRate, double frequency)
    {
        float[] output = Resampler.Resample(Signal.Sine(frequency, inputRate, inputRate * 3 / 2, Amplitude), inputRate, outputRate);

        double measured = Signal.Amplitude(SteadyState(output, outputRate), frequency, outputRate);

        Assert.InRange(Signal.Db(measured / Amplitude), -0.5, 0.5);
    }

    [Theory]
    [MemberData(nameof(RejectedTones))]
    public void Tone_beyond_the_lower_Nyquist_is_attenuated_by_at_least_60_dB(int inputRate, int outputRate, double frequency, double alias)
    {
        float[] output = Resampler.Resample(Signal.Sine(frequency, inputRate, inputRate * 3 / 2, Amplitude), inputRate, outputRate);

        double leaked = Signal.Amplitude(SteadyState(output, outputRate), alias, outputRate);

        Assert.True(Signal.Db(leaked / Amplitude) < -60, $"leak at {alias} Hz: {Signal.Db(leaked / Amplitude):F1} dB");
    }

    [Fact]
    public void Output_is_time_aligned_with_the_input()
    {
        float[] output = Resampler.Resample(Signal.Sine(1000, 48000, 48000, Amplitude), 48000, 16000);
        float[] ideal = Signal.Sine(1000, 16000, 16000, Amplitude);

        for (int i = 1000; i < 15000; i++)
        {
            Assert.Equal(ideal[i], output[i], 1e-3f);
        }
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(11025, 16000)]
    public void Constant_input_stays_constant(int inputRate, int outputRate)
    {
        float[] output = Resampler.Resample(Enumerable.Repeat(0.25f, inputRate).ToArray(), inputRate, outputRate);

        foreach (float sample in output.AsSpan(outputRate / 10, outputRate * 8 / 10))
        {
            Assert.Equal(0.25f, sample, 1e-4f);
        }
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    [InlineData(48000, 16000)]
    [InlineData(44100, 16000)]
    [InlineData(22050, 16000)]
    [InlineData(11025, 16000)]
    [InlineData(24000, 16000)]
    [InlineData(32000, 16000)]
    public void Chunked_processing_with_random_chunk_sizes_equals_one_shot(int inputRate, int outputRate)
    {
        var rng = new Random(inputRate);
        float[] input = Enumerable.Range(0, 30_000).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
        float[] expected = Resampler.Resample(input, inputRate, outputRate);

        var resampler = new Resampler(inputRate, outputRate);
        var chunked = new List<float>();
        var buffer = new float[resampler.MaxOutputLength(10_000)];
        for (int position = 0; position < input.Length;)
        {
            int size = Math.Min(input.Length - position, rng.Next(0, 10_000) >> rng.Next(0, 12));
            int written = resampler.Process(input.AsSpan(position, size), buffer);
            chunked.AddRange(buffer.AsSpan(0, written));
            position += size;
        }

        chunked.AddRange(buffer.AsSpan(0, resampler.Flush(buffer)));

        Assert.Equal(expected, chunked);
    }

    [Theory]
    [InlineData(8000, 16000, 0)]
    [InlineData(8000, 16000, 1)]
    [InlineData(8000, 16000, 12345)]
    [InlineData(48000, 16000, 1)]
    [InlineData(48000, 16000, 100)]
    [InlineData(44100, 16000, 44101)]
    [InlineData(11025, 16000, 7)]
    [InlineData(16000, 16000, 5)]
    public void Total_output_after_flush_is_the_input_length_times_the_ratio_rounded_up(int inputRate, int outputRate, int length)
    {
        var resampler = new Resampler(inputRate, outputRate);
        var output = new float[resampler.MaxOutputLength(length)];

        int processed = resampler.Process(new float[length], output);
        int tail = resampler.TailLength;
        int flushed = resampler.Flush(output.AsSpan(processed));

        long expected = ((long)length * outputRate + inputRate - 1) / inputRate;
        Assert.Equal(expected, processed + flushed);
        Assert.Equal(tail, flushed);
        Assert.Equal(0, resampler.TailLength);
    }

    [Fact]
    public void MaxOutputLength_bounds_every_call()
    {
        var resampler = new Resampler(44100, 16000);
        var rng = new Random(3);
        var output = new float[2000];
        for (int call = 0; call < 500; call++)
        {
            int length = rng.Next(0, 4000);
            int max = resampler.MaxOutputLength(length);

            int written = resampler.Process(new float[length], output.AsSpan(0, max));

            Assert.InRange(written, 0, max);
        }
    }

    [Fact]
    public void Output_shorter_than_MaxOutputLength_is_rejected()
    {
        var resampler = new Resampler(8000, 16000);

        Assert.Throws<ArgumentException>(() => resampler.Process(new float[100], new float[199]));
    }

    [Fact]
    public void Same_rate_is_a_passthrough_copy()
    {
        float[] input = Signal.Sine(440, 16000, 1000);

        Assert.Equal(input, Resampler.Resample(input, 16000, 16000));
    }

    [Fact]
    public void Flush_resets_so_a_second_stream_gives_the_same_output()
    {
        float[] input = Signal.Sine(700, 22050, 5000);
        var resampler = new Resampler(22050, 16000);
        var first = new float[resampler.MaxOutputLength(input.Length)];
        var second = new float[first.Length];

        int n1 = resampler.Process(input, first);
        n1 += resampler.Flush(first.AsSpan(n1));
        int n2 = resampler.Process(input, second);
        n2 += resampler.Flush(second.AsSpan(n2));

        Assert.Equal(n1, n2);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Steady_state_processing_does_not_allocate()
    {
        var resampler = new Resampler(48000, 16000);
        float[] input = Signal.Sine(440, 48000, 960);
        var output = new float[resampler.MaxOutputLength(input.Length)];
        resampler.Process(input, output);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            resampler.Process(input, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(0, 16000)]
    [InlineData(16000, -1)]
    public void Non_positive_rates_are_rejected(int inputRate, int outputRate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resampler(inputRate, outputRate));
    }

    /// <summary>Exactly one second of output starting 0.2 s in, clear of both edges; a whole number of periods for integer-Hz tones.</summary>
    private static ReadOnlySpan<float> SteadyState(float[] output, int outputRate) =>
        output.AsSpan(outputRate / 5, outputRate);
}

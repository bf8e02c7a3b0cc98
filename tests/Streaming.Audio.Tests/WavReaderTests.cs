using Streaming.Audio;

namespace Streaming.Audio.Tests;

public class WavReaderTests
{
    private static readonly float[] Ramp = [0f, 0.25f, -0.25f, 0.5f, -0.5f, 0.9f, -0.9f, 0.001f, -1f];

    public static TheoryData<int, WavEncoding, bool, double> Encodings => new()
    {
        { 16, WavEncoding.Pcm, false, 1.0 / 32768 },
        { 24, WavEncoding.Pcm, false, 1.0 / 8388608 },
        { 32, WavEncoding.Pcm, false, 1e-7 },
        { 32, WavEncoding.IeeeFloat, false, 0 },
        { 16, WavEncoding.Pcm, true, 1.0 / 32768 },
        { 24, WavEncoding.Pcm, true, 1.0 / 8388608 },
        { 32, WavEncoding.Pcm, true, 1e-7 },
        { 32, WavEncoding.IeeeFloat, true, 0 },
    };

    public static TheoryData<int> Rates => [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_supported_encoding_decodes_to_the_written_samples(int bits, WavEncoding encoding, bool extensible, double tolerance)
    {
        byte[] wav = TestWav.Build(16000, [Ramp], bits, encoding, extensible);

        using var reader = new WavReader(new MemoryStream(wav));
        var samples = new float[Ramp.Length + 5];
        int read = reader.ReadMono(samples);

        Assert.Equal(new WavFormat(16000, 1, bits, encoding, Ramp.Length * bits / 8), reader.Format);
        Assert.Equal(Ramp.Length, read);
        for (int i = 0; i < Ramp.Length; i++)
        {
            Assert.InRange(samples[i], Ramp[i] - tolerance - 1e-6, Ramp[i] + tolerance + 1e-6);
        }

        Assert.Equal(0, reader.ReadMono(samples));
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Every_supported_rate_is_reported_with_its_duration(int rate)
    {
        byte[] wav = TestWav.Mono16(rate, new float[rate]);

        using var reader = new WavReader(new MemoryStream(wav));

        Assert.Equal(rate, reader.Format.SampleRate);
        Assert.Equal(rate, reader.Format.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(1), reader.Format.Duration);
    }

    [Fact]
    public void Stereo_is_downmixed_by_averaging_channels()
    {
        byte[] wav = TestWav.Build(16000, [[0.5f, 0.2f, -1f], [0.1f, -0.2f, 0f]], 32, WavEncoding.IeeeFloat);

        using var reader = new WavReader(new MemoryStream(wav));
        var samples = new float[3];
        reader.ReadMono(samples);

        Assert.Equal(0.3f, samples[0], 1e-6f);
        Assert.Equal(0f, samples[1], 1e-6f);
        Assert.Equal(-0.5f, samples[2], 1e-6f);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_chosen_channel_is_read_alone(int channel)
    {
        float[][] channels = [[0.1f, 0.2f], [0.3f, 0.4f], [0.5f, 0.6f]];
        byte[] wav = TestWav.Build(48000, channels, 32, WavEncoding.IeeeFloat, extensible: true);

        using var reader = new WavReader(new MemoryStream(wav), new WavReaderOptions { Channel = channel });
        var samples = new float[2];
        reader.ReadMono(samples);

        Assert.Equal(channels[channel], samples);
    }

    [Fact]
    public void Thirty_two_channels_are_accepted()
    {
        float[][] channels = Enumerable.Range(0, 32).Select(c => new[] { c / 64f }).ToArray();
        byte[] wav = TestWav.Build(16000, channels, 32, WavEncoding.IeeeFloat);

        using var reader = new WavReader(new MemoryStream(wav), new WavReaderOptions { Channel = 31 });
        var samples = new float[1];
        reader.ReadMono(samples);

        Assert.Equal(32, reader.Format.Channels);
        Assert.Equal(31 / 64f, samples[0]);
    }

    [Fact]
    public void Unknown_and_odd_sized_chunks_before_data_are_skipped()
    {
        byte[] wav = TestWav.Build(
            16000,
            [Ramp],
            chunksBeforeData: [("LIST", new byte[27]), ("fact", new byte[4]), ("junk", new byte[1])]);

        using var reader = new WavReader(new NonSeekableStream(wav));
        var samples = new float[Ramp.Length];

        Assert.Equal(Ramp.Length, reader.ReadMono(samples));
        Assert.Equal(Ramp[5], samples[5], 1e-4);
    }

    [Fact]
    public void Chunks_after_the_data_are_not_read_as_samples()
    {
        byte[] wav = TestWav.Mono16(16000, Ramp);
        byte[] withTrailer = [.. wav, .. "LIST"u8, 4, 0, 0, 0, 1, 2, 3, 4];

        using var reader = new WavReader(new MemoryStream(withTrailer));

        Assert.Equal(Ramp.Length, reader.ReadMono(new float[100]));
    }

    [Fact]
    public void Streamed_placeholder_size_reads_to_end_and_ignores_a_truncated_final_frame()
    {
        byte[] wav = TestWav.Build(16000, [Ramp, Ramp], declaredDataSize: uint.MaxValue);
        byte[] cut = wav[..^3];

        using var seekable = new WavReader(new MemoryStream(cut));
        using var forwardOnly = new WavReader(new NonSeekableStream(cut));

        Assert.Equal(Ramp.Length - 1, seekable.Format.FrameCount);
        Assert.Equal(Ramp.Length - 1, seekable.ReadMono(new float[100]));
        Assert.Equal(-1, forwardOnly.Format.DataBytes);
        Assert.Equal(Timeout.InfiniteTimeSpan, forwardOnly.Format.Duration);
        Assert.Equal(Ramp.Length - 1, forwardOnly.ReadMono(new float[100]));
    }

    [Fact]
    public void Data_size_beyond_the_file_reads_the_samples_that_are_there()
    {
        byte[] wav = TestWav.Build(16000, [Ramp], declaredDataSize: 1_000_000);

        using var seekable = new WavReader(new MemoryStream(wav));
        using var forwardOnly = new WavReader(new NonSeekableStream(wav));

        Assert.Equal(Ramp.Length * 2, seekable.Format.DataBytes);
        Assert.Equal(Ramp.Length, seekable.ReadMono(new float[100]));
        Assert.Equal(Ramp.Length, forwardOnly.ReadMono(new float[100]));
    }

    [Fact]
    public void Small_reads_return_the_same_samples_as_one_large_read()
    {
        float[] left = Signal.Sine(440, 44100, 100_000);
        float[] right = Signal.Sine(1000, 44100, 100_000);
        byte[] wav = TestWav.Build(44100, [left, right], 24);
        var whole = new float[100_000];
        using (var reader = new WavReader(new MemoryStream(wav)))
        {
            Assert.Equal(whole.Length, reader.ReadMono(whole));
        }

        var pieces = new List<float>();
        var rng = new Random(7);
        using (var reader = new WavReader(new NonSeekableStream(wav, maxRead: 1000)))
        {
            var buffer = new float[5000];
            int read;
            while ((read = reader.ReadMono(buffer.AsSpan(0, rng.Next(1, buffer.Length)))) > 0)
            {
                pieces.AddRange(buffer.AsSpan(0, read));
            }
        }

        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void ReadAllMono_returns_the_whole_file_and_its_rate()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, TestWav.Build(22050, [Ramp], 32, WavEncoding.IeeeFloat));

            (float[] samples, int rate) = WavReader.ReadAllMono(path);

            Assert.Equal(22050, rate);
            Assert.Equal(Ramp, samples);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Opening_a_missing_file_throws_FileNotFoundException()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.wav");

        Assert.Throws<FileNotFoundException>(() => WavReader.Open(missing));
    }

    [Fact]
    public void Dispose_closes_the_stream_unless_asked_to_leave_it_open()
    {
        byte[] wav = TestWav.Mono16(16000, Ramp);
        var owned = new MemoryStream(wav);
        var borrowed = new MemoryStream(wav);

        new WavReader(owned).Dispose();
        new WavReader(borrowed, leaveOpen: true).Dispose();

        Assert.False(owned.CanRead);
        Assert.True(borrowed.CanRead);
    }

    [Fact]
    public void Reading_after_dispose_throws_ObjectDisposedException()
    {
        var reader = new WavReader(new MemoryStream(TestWav.Mono16(16000, Ramp)));
        reader.Dispose();

        Assert.Throws<ObjectDisposedException>(() => reader.ReadMono(new float[4]));
    }

    [Fact]
    public void A_negative_channel_option_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavReaderOptions { Channel = -1 });
    }
}

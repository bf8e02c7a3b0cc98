using System.Text;
using Streaming.Audio;

namespace Streaming.Audio.Tests;

public class MalformedWavTests
{
    private static readonly byte[] Valid = TestWav.Mono16(16000, Signal.Sine(440, 16000, 100));

    /// <summary>Each malformed file with a fragment its error message must contain.</summary>
    public static TheoryData<string, byte[], string> Corpus => new()
    {
        { "empty file", [], "Truncated RIFF header" },
        { "ten bytes", Valid[..10], "Truncated RIFF header" },
        { "truncated fmt chunk", Valid[..30], "Truncated 'fmt ' chunk" },
        { "truncated chunk header", Valid[..40], "Truncated chunk header" },
        { "no data chunk", Valid[..36], "Missing 'data' chunk" },
        { "no chunks at all", Valid[..12], "Missing 'fmt ' chunk" },
        { "garbage bytes", Garbage(), "expected 'RIFF' signature" },
        { "RIFF of another form", Replace(Valid, 8, "AVI "), "expected 'WAVE'" },
        { "data before fmt", TestWav.Riff([], ("data", new byte[8])), "Missing 'fmt ' chunk: the 'data' chunk comes before it" },
        { "zero channels", TestWav.Patch16(Valid, TestWav.FmtBodyOffset + 2, 0), "zero channels" },
        { "33 channels", WithFmt(TestWav.Fmt(1, 33, 16000, 16)), "33 channels is more than the supported maximum of 32" },
        { "8-bit PCM", WithFmt(TestWav.Fmt(1, 1, 16000, 8)), "Unsupported PCM bit depth 8" },
        { "Microsoft ADPCM", WithFmt(TestWav.Fmt(2, 1, 16000, 4)), "Microsoft ADPCM (format tag 0x0002)" },
        { "IMA ADPCM", WithFmt(TestWav.Fmt(0x11, 1, 16000, 4)), "IMA ADPCM (format tag 0x0011)" },
        { "mu-law", WithFmt(TestWav.Fmt(7, 1, 8000, 8)), "µ-law (format tag 0x0007)" },
        { "A-law in extensible", WithFmt(TestWav.Fmt(0xFFFE, 1, 8000, 8, subformat: 6)), "A-law (format tag 0x0006)" },
        { "float64", WithFmt(TestWav.Fmt(3, 1, 16000, 64)), "Unsupported IEEE float bit depth 64" },
        { "unsupported rate", WithFmt(TestWav.Fmt(1, 1, 12345, 16)), "Unsupported sample rate 12345 Hz" },
        { "block align mismatch", WithFmt(TestWav.Fmt(1, 2, 16000, 16, blockAlign: 2)), "Block align 2 does not match 2 channel(s) of 16 bits (expected 4)" },
        { "fmt chunk too small", TestWav.Riff([("fmt ", new byte[8])], ("data", new byte[8])), "'fmt ' chunk is 8 bytes; at least 16 are required" },
        { "huge fmt chunk size", TestWav.Patch32(Valid, 16, 0xFFFFFFF0), "'fmt ' chunk size 4294967280 is implausible" },
        { "short extensible fmt", WithFmt(TestWav.Fmt(0xFFFE, 1, 16000, 16)), "WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is 16 bytes; 40 are required" },
        { "unknown extensible subformat", WithFmt(UnknownSubformat()), "Unsupported WAVE_FORMAT_EXTENSIBLE subformat" },
        { "duplicate fmt", TestWav.Riff([("fmt ", TestWav.Fmt(1, 1, 16000, 16)), ("fmt ", TestWav.Fmt(1, 1, 16000, 16))], ("data", new byte[8])), "Duplicate 'fmt ' chunk" },
        { "LIST size beyond file", TestWav.Riff([("fmt ", TestWav.Fmt(1, 1, 16000, 16)), ("LIST", new byte[4])], ("data", new byte[8])).Let(b => TestWav.Patch32(b, 40, 0x7FFFFFFF)), "'LIST' chunk" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Malformed_file_is_rejected_with_a_specific_message_whether_or_not_the_stream_seeks(string name, byte[] wav, string expected)
    {
        foreach (Stream stream in new Stream[] { new MemoryStream(wav), new NonSeekableStream(wav) })
        {
            var error = Record.Exception(() => new WavReader(stream));

            Assert.True(error is WavFormatException, $"{name}: got {error?.GetType().Name ?? "no exception"}");
            Assert.True(error!.Message.Contains(expected, StringComparison.Ordinal), $"{name}: \"{error.Message}\" lacks \"{expected}\"");
        }
    }

    [Fact]
    public void Truncated_header_is_rejected_with_clear_error_at_every_length()
    {
        for (int length = 0; length < TestWav.CanonicalDataOffset; length++)
        {
            var error = Assert.Throws<WavFormatException>(() => new WavReader(new MemoryStream(Valid[..length])));
            Assert.Matches("Truncated|Missing", error.Message);
        }
    }

    [Fact]
    public void Chunk_size_beyond_a_seekable_file_names_the_chunk_and_the_bytes_left()
    {
        byte[] wav = TestWav.Riff([("fmt ", TestWav.Fmt(1, 1, 16000, 16)), ("LIST", new byte[4])], ("data", new byte[8]));

        var error = Assert.Throws<WavFormatException>(() => new WavReader(new MemoryStream(TestWav.Patch32(wav, 40, 0x7FFFFFFF))));

        Assert.Equal("'LIST' chunk size 2147483647 runs past the end of the file (20 bytes left).", error.Message);
    }

    [Fact]
    public void Truncated_data_yields_the_whole_frames_present()
    {
        byte[] stereo = TestWav.Build(16000, [new float[10], new float[10]]);

        using var reader = new WavReader(new NonSeekableStream(stereo[..^5]));

        Assert.Equal(8, reader.ReadMono(new float[20]));
    }

    [Fact]
    public void Channel_beyond_the_files_channels_is_rejected()
    {
        var error = Assert.Throws<WavFormatException>(
            () => new WavReader(new MemoryStream(Valid), new WavReaderOptions { Channel = 1 }));

        Assert.Contains("Channel 1 was requested but the file has 1 channel(s)", error.Message);
    }

    [Theory]
    [InlineData(16, 0xFFFFFFF0u)]
    [InlineData(40, 0xFFFFFFF0u)]
    public void Huge_declared_sizes_do_not_drive_allocation(int sizeOffset, uint size)
    {
        byte[] wav = TestWav.Patch32(Valid, sizeOffset, size);
        long before = GC.GetAllocatedBytesForCurrentThread();

        try
        {
            using var reader = new WavReader(new NonSeekableStream(wav));
            reader.ReadMono(new float[16]);
        }
        catch (WavFormatException)
        {
            // A rejected header is fine too; what matters is the memory spent deciding.
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1 << 20);
    }

    [Fact]
    public void Randomly_corrupted_headers_only_ever_fail_as_WavFormatException()
    {
        byte[] wav = TestWav.Build(16000, [Signal.Sine(440, 16000, 64)], chunksBeforeData: [("LIST", new byte[5])]);
        var rng = new Random(1234);
        int rejected = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] corrupt = (byte[])wav.Clone();
            for (int flips = rng.Next(1, 4); flips > 0; flips--)
            {
                corrupt[rng.Next(0, 60)] = (byte)rng.Next(256);
            }

            try
            {
                using var reader = new WavReader(new MemoryStream(corrupt));
                while (reader.ReadMono(new float[50]) > 0)
                {
                }
            }
            catch (WavFormatException)
            {
                rejected++;
            }
        }

        Assert.InRange(rejected, 1, 2000);
    }

    private static byte[] WithFmt(byte[] fmtBody) => TestWav.Riff([("fmt ", fmtBody)], ("data", new byte[64]));

    private static byte[] Garbage()
    {
        var bytes = new byte[1000];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Replace(byte[] wav, int offset, string fourCc)
    {
        byte[] copy = (byte[])wav.Clone();
        Encoding.ASCII.GetBytes(fourCc).CopyTo(copy, offset);
        return copy;
    }

    private static byte[] UnknownSubformat()
    {
        byte[] body = TestWav.Fmt(0xFFFE, 1, 16000, 16, subformat: 1);
        body[30] ^= 0xFF;
        return body;
    }
}

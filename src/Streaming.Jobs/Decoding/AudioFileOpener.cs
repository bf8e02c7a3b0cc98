namespace Streaming.Jobs.Decoding;

/// <summary>Opens an audio file for streaming decode: WAV natively, everything else through ffmpeg.</summary>
public sealed class AudioFileOpener(FfmpegLocator ffmpeg)
{
    /// <summary>Opens <paramref name="path"/>, choosing the decoder from the file's first bytes (not its name).</summary>
    /// <exception cref="AudioDecodeException">The file is empty, corrupt, or needs ffmpeg which is missing.</exception>
    public IAudioSource Open(string path)
    {
        Span<byte> head = stackalloc byte[12];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            throw new AudioDecodeException("The file is empty.");
        }

        var isWav = read == 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8);
        return isWav ? new WavFileSource(path) : new FfmpegSource(path, ffmpeg);
    }
}

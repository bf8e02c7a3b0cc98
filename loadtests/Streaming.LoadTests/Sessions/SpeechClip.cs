using Streaming.Audio;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// A WAV file ready to stream: mono PCM16 at its own sample rate, cut into packets, with its reference transcript
/// when the folder has one (a <c>trans.tsv</c> of <c>file</c> TAB <c>reference</c> lines, as the test sets do).
/// </summary>
public sealed class SpeechClip
{
    /// <summary>The file of reference transcripts a clip's folder may hold.</summary>
    public const string TranscriptFile = "trans.tsv";

    private SpeechClip(string path, byte[] pcm16, int sampleRate, string? reference)
    {
        Path = path;
        Pcm16 = pcm16;
        SampleRate = sampleRate;
        Reference = reference;
    }

    /// <summary>The file it came from.</summary>
    public string Path { get; }

    /// <summary>Little-endian 16-bit mono samples.</summary>
    public byte[] Pcm16 { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

    /// <summary>What is said in the clip; null when its folder has no transcript for it.</summary>
    public string? Reference { get; }

    /// <summary>Length in seconds.</summary>
    public double Seconds => Pcm16.Length / 2.0 / SampleRate;

    /// <summary>Reads <paramref name="path"/> (any WAV the audio layer reads), mixed down to mono.</summary>
    public static SpeechClip Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Audio file '{path}' does not exist.", path);
        }

        var (samples, rate) = WavReader.ReadAllMono(path);
        var pcm = new byte[samples.Length * 2];
        Audio.Pcm16.FromFloat(samples, pcm);
        return new SpeechClip(path, pcm, rate, ReadReference(path));
    }

    /// <summary>
    /// <paramref name="length"/> of digital silence at <paramref name="sampleRate"/>: the audio of an idle session
    /// (connected, nobody speaking), named <c>silence</c>.
    /// </summary>
    public static SpeechClip Silence(TimeSpan length, int sampleRate) =>
        new("silence", new byte[(int)(length.TotalSeconds * sampleRate) * 2], sampleRate, reference: null);

    /// <summary>
    /// The clips to stream for <paramref name="path"/>: the file itself, or every WAV in a folder (sorted by name).
    /// </summary>
    public static IEnumerable<SpeechClip> LoadAll(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.wav").Order(StringComparer.Ordinal).Select(Load)
            : [Load(path)];

    /// <summary>The first <paramref name="length"/> of the clip (all of it when shorter).</summary>
    public SpeechClip Take(TimeSpan length)
    {
        var bytes = Math.Min(Pcm16.Length, (int)(length.TotalSeconds * SampleRate) * 2);
        return new SpeechClip(Path, Pcm16[..bytes], SampleRate, bytes == Pcm16.Length ? Reference : null);
    }

    /// <summary>The clip cut into packets of <paramref name="packetMs"/> (the last may be shorter).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Packets(int packetMs)
    {
        var bytesPerPacket = SampleRate * packetMs / 1000 * 2;
        var packets = new List<ReadOnlyMemory<byte>>();
        for (var offset = 0; offset < Pcm16.Length; offset += bytesPerPacket)
        {
            packets.Add(Pcm16.AsMemory(offset, Math.Min(bytesPerPacket, Pcm16.Length - offset)));
        }

        return packets;
    }

    private static string? ReadReference(string path)
    {
        var transcripts = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, TranscriptFile);
        if (!File.Exists(transcripts))
        {
            return null;
        }

        var name = System.IO.Path.GetFileName(path);
        return File.ReadLines(transcripts).Select(l => l.Split('\t')).FirstOrDefault(c => c.Length >= 2 && c[0] == name)?[1];
    }
}

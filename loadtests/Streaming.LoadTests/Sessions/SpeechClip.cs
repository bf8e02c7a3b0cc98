using Streaming.Audio;

namespace Streaming.LoadTests.Sessions;

/// <summary>A WAV file ready to stream: mono PCM16 at its own sample rate, cut into packets.</summary>
public sealed class SpeechClip
{
    private SpeechClip(string path, byte[] pcm16, int sampleRate)
    {
        Path = path;
        Pcm16 = pcm16;
        SampleRate = sampleRate;
    }

    /// <summary>The file it came from.</summary>
    public string Path { get; }

    /// <summary>Little-endian 16-bit mono samples.</summary>
    public byte[] Pcm16 { get; }

    /// <summary>Samples per second.</summary>
    public int SampleRate { get; }

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
        return new SpeechClip(path, pcm, rate);
    }

    /// <summary>
    /// <paramref name="length"/> of digital silence at <paramref name="sampleRate"/>: the audio of an idle session
    /// (connected, nobody speaking), named <c>silence</c>.
    /// </summary>
    public static SpeechClip Silence(TimeSpan length, int sampleRate) =>
        new("silence", new byte[(int)(length.TotalSeconds * sampleRate) * 2], sampleRate);

    /// <summary>The first <paramref name="length"/> of the clip (all of it when shorter).</summary>
    public SpeechClip Take(TimeSpan length)
    {
        var bytes = Math.Min(Pcm16.Length, (int)(length.TotalSeconds * SampleRate) * 2);
        return new SpeechClip(Path, Pcm16[..bytes], SampleRate);
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
}

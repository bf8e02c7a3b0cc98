using System.Diagnostics;
using System.Runtime.CompilerServices;
using Streaming.Audio;

namespace Streaming.Client;

/// <summary>Reads a WAV file as PCM16 mono messages for <c>SendAudio</c>, paced at real time or as fast as possible.</summary>
public sealed class WavAudioSource
{
    private readonly string _path;

    /// <summary>Opens <paramref name="path"/> to learn its format (throws if it is not a supported WAV).</summary>
    public WavAudioSource(string path)
    {
        _path = path;
        using var reader = WavReader.Open(path);
        SampleRate = reader.Format.SampleRate;
        Duration = reader.Format.Duration;
    }

    /// <summary>Sample rate of the file (and of the messages).</summary>
    public int SampleRate { get; }

    /// <summary>Length of the audio.</summary>
    public TimeSpan Duration { get; }

    /// <summary>
    /// The file as messages of <paramref name="chunkMs"/> each; <paramref name="paced"/> sends them no faster
    /// than real time; <paramref name="limit"/>, if given, stops after that much audio.
    /// </summary>
    public async IAsyncEnumerable<byte[]> ReadAsync(
        int chunkMs = 100,
        bool paced = true,
        TimeSpan? limit = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkMs);
        using var reader = WavReader.Open(_path);
        var samples = new float[Math.Max(1, SampleRate * chunkMs / 1000)];
        var remaining = limit is { } max ? (long)(max.TotalSeconds * SampleRate) : long.MaxValue;
        var clock = Stopwatch.StartNew();
        long sent = 0;
        int read;
        while (remaining > 0 && (read = reader.ReadMono(samples.AsSpan(0, (int)Math.Min(samples.Length, remaining)))) > 0)
        {
            remaining -= read;
            if (paced)
            {
                var wait = TimeSpan.FromSeconds(sent / (double)SampleRate) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }

            var message = new byte[read * 2];
            Pcm16.FromFloat(samples.AsSpan(0, read), message);
            sent += read;
            yield return message;
        }
    }
}

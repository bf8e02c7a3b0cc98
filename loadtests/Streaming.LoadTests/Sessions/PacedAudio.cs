using System.Runtime.CompilerServices;

namespace Streaming.LoadTests.Sessions;

/// <summary>A clip as packets at real time: each packet is released once the audio in it has been "spoken".</summary>
public static class PacedAudio
{
    /// <summary>The packets of <paramref name="clip"/>, paced by <paramref name="clock"/> (started on the first pull).</summary>
    public static async IAsyncEnumerable<byte[]> PacketsAsync(
        SpeechClip clip, int packetMs, AudioClock clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        clock.Start();
        var spokenSeconds = 0.0;
        foreach (var packet in clip.Packets(packetMs))
        {
            spokenSeconds += packet.Length / 2.0 / clip.SampleRate;
            await clock.WaitUntilAsync(spokenSeconds, cancellationToken);
            yield return packet.ToArray();
        }
    }
}

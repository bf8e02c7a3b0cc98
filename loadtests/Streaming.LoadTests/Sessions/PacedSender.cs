namespace Streaming.LoadTests.Sessions;

/// <summary>Sends a clip in packets at real time: each packet leaves once the audio in it has been "spoken".</summary>
public static class PacedSender
{
    /// <summary>
    /// Sends every packet of <paramref name="clip"/> through <paramref name="send"/>; stops early when
    /// <paramref name="serverSide"/> (the server's side of the session) ends first, e.g. with an error.
    /// </summary>
    public static async Task SendAsync(
        SpeechClip clip,
        int packetMs,
        AudioClock clock,
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> send,
        Task serverSide,
        CancellationToken cancellationToken)
    {
        var sentSeconds = 0.0;
        foreach (var packet in clip.Packets(packetMs))
        {
            sentSeconds += packet.Length / 2.0 / clip.SampleRate;
            await clock.WaitUntilAsync(sentSeconds, cancellationToken);
            if (serverSide.IsCompleted)
            {
                return;
            }

            // A server that ended the session stops reading; do not wait on a full channel for ever.
            await Task.WhenAny(send(packet, cancellationToken).AsTask(), serverSide);
        }
    }
}

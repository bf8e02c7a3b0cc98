using Streaming.Server.Sessions;
using Streaming.WebRtc;

namespace Streaming.Server.WebRtc;

/// <summary>Feeds a publication's Opus packets to its <see cref="LiveSession"/> and ends the session when the publication ends.</summary>
public sealed class WhipSessionSink(LiveSession session) : IWhipMediaSink
{
    /// <inheritdoc />
    public void OnOpus(ReadOnlyMemory<byte> packet) =>
        // RTP cannot be slowed down: a full pipeline ends the session with an overload error (LiveSession says so).
        session.TryWriteAudio(packet.ToArray());

    /// <inheritdoc />
    public void OnEnded(string? errorCode, string message) => session.Finish(errorCode, message);
}

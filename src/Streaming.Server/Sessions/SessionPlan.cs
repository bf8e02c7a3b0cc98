using Streaming.Pipeline;
using Streaming.Protocol;

namespace Streaming.Server.Sessions;

/// <summary>A validated session request: what the pipeline needs plus what the session keeps for later.</summary>
/// <param name="Language">Requested language.</param>
/// <param name="Settings">Pipeline settings.</param>
/// <param name="Hotwords">Hotwords, trimmed, kept on the session for the hotword stage.</param>
/// <param name="Endpoint">Endpointing overrides, kept on the session for the endpointing stage.</param>
public sealed record SessionPlan(string Language, SessionSettings Settings, IReadOnlyList<string> Hotwords, EndpointSettings? Endpoint)
{
    /// <summary>Seconds of audio in one encoded message.</summary>
    public double DurationOf(ReadOnlySpan<byte> message) =>
        Settings.Format.Codec == AudioCodec.Opus
            ? OpusPacket.DurationSeconds(message)
            : message.Length / 2.0 / Settings.Format.SampleRate;
}

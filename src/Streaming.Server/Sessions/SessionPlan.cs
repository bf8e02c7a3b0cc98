using Streaming.Pipeline;

namespace Streaming.Server.Sessions;

/// <summary>A validated session request: what the pipeline needs plus what the session keeps for later.</summary>
/// <param name="Language">The language serving the session (a request's <c>auto</c> resolved).</param>
/// <param name="Settings">Pipeline settings, with the session's hotwords and endpoint overrides.</param>
/// <param name="Device">Inference device the session runs on.</param>
/// <param name="Model">The recogniser serving the session.</param>
/// <param name="Role">Who speaks in the session (a call channel's role), carried by its keyword events; null for none.</param>
public sealed record SessionPlan(string Language, SessionSettings Settings, string Device, string Model, string? Role = null)
{
    /// <summary>Seconds of audio in one encoded message.</summary>
    public double DurationOf(ReadOnlySpan<byte> message) =>
        Settings.Format.Codec == AudioCodec.Opus
            ? OpusPacket.DurationSeconds(message)
            : message.Length / 2.0 / Settings.Format.SampleRate;
}

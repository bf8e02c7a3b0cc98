using System.Text.Json.Serialization;

namespace Streaming.Server.FunAsr;

/// <summary>A result message of the FunASR runtime protocol.</summary>
public sealed class FunAsrResult
{
    /// <summary>"online", "offline", "2pass-online" or "2pass-offline".</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; init; } = "";

    /// <summary>The wav_name of the start message.</summary>
    [JsonPropertyName("wav_name")]
    public string WavName { get; init; } = "";

    /// <summary>Recognised text (online results carry only the new part).</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    /// <summary>True on the last message of the stream, after the client sent is_speaking false.</summary>
    [JsonPropertyName("is_final")]
    public bool IsFinal { get; init; }

    /// <summary>
    /// Set on the end-of-input acknowledgement only: the message after the last result, sent to clients that
    /// ended their input with <c>is_end: true</c>.
    /// </summary>
    [JsonPropertyName("is_end")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsEnd { get; init; }

    /// <summary>Token times in milliseconds as FunASR writes them: <c>"[[start,end],...]"</c>.</summary>
    [JsonPropertyName("timestamp")]
    public string Timestamp { get; init; } = "[]";

    /// <summary>Error code when the session ended with an error (an addition to FunASR's protocol).</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>Error message for people.</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }
}

using System.Text.Json.Serialization;

namespace Streaming.Server.FunAsr;

/// <summary>
/// Our extra message on the FunASR socket: a keyword was spotted. It has no <c>mode</c>, which stock FunASR clients
/// skip when they display results, and an empty <c>text</c>, which they read from every message before that check.
/// </summary>
public sealed class FunAsrKeywordMessage
{
    /// <summary>Always <c>keyword_spotted</c>: what tells this message from results.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "keyword_spotted";

    /// <summary>The wav_name of the start message.</summary>
    [JsonPropertyName("wav_name")]
    public string WavName { get; init; } = "";

    /// <summary>Empty: present only because FunASR clients read it from every message.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    /// <summary>The session.</summary>
    [JsonPropertyName("session_id")]
    public string SessionId { get; init; } = "";

    /// <summary>The keyword as it was written in the list.</summary>
    [JsonPropertyName("keyword")]
    public string Keyword { get; init; } = "";

    /// <summary>Start of the keyword in stream time, milliseconds (FunASR's unit of timestamps).</summary>
    [JsonPropertyName("start")]
    public long Start { get; init; }

    /// <summary>End of the keyword in stream time, milliseconds.</summary>
    [JsonPropertyName("end")]
    public long End { get; init; }

    /// <summary>How sure the spotter is, in [0, 1].</summary>
    [JsonPropertyName("confidence")]
    public float Confidence { get; init; }

    /// <summary>The speaker's role, when the session has one.</summary>
    [JsonPropertyName("role")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }
}

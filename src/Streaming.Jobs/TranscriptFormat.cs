using System.Text.Json.Serialization;

namespace Streaming.Jobs;

/// <summary>A result format a job can be downloaded in. Serialised in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TranscriptFormat>))]
public enum TranscriptFormat
{
    /// <summary>Plain text, one segment a line (the written form when ITN is on).</summary>
    [JsonStringEnumMemberName("txt")]
    Txt,

    /// <summary>JSON: every file with its segments, times and both text forms.</summary>
    [JsonStringEnumMemberName("json")]
    Json,

    /// <summary>SubRip subtitles.</summary>
    [JsonStringEnumMemberName("srt")]
    Srt,

    /// <summary>WebVTT subtitles.</summary>
    [JsonStringEnumMemberName("vtt")]
    Vtt,
}

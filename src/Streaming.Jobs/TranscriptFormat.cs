namespace Streaming.Jobs;

/// <summary>A result format a job can be downloaded in.</summary>
public enum TranscriptFormat
{
    /// <summary>Plain text, one segment a line (the written form when ITN is on).</summary>
    Txt,

    /// <summary>JSON: every file with its segments, times and both text forms.</summary>
    Json,

    /// <summary>SubRip subtitles.</summary>
    Srt,

    /// <summary>WebVTT subtitles.</summary>
    Vtt,
}

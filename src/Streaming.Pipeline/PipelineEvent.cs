namespace Streaming.Pipeline;

/// <summary>Something a session pipeline reports to its subscribers. Times are seconds of stream time.</summary>
public abstract record PipelineEvent;

/// <summary>Speech began: segment <paramref name="SegmentIndex"/> opens at <paramref name="Start"/>.</summary>
public sealed record SpeechStartedEvent(int SegmentIndex, double Start) : PipelineEvent;

/// <summary>Speech ended: segment <paramref name="SegmentIndex"/> closed at <paramref name="End"/>.</summary>
public sealed record SpeechEndedEvent(int SegmentIndex, double Start, double End) : PipelineEvent;

/// <summary>
/// A hypothesis for segment <paramref name="SegmentIndex"/>: partials may change, the final replaces them.
/// </summary>
/// <param name="SegmentIndex">Stable per-session segment number, shared by the partials and final of one segment.</param>
/// <param name="IsFinal">True for the segment's last word.</param>
/// <param name="Text">Recognised text as spoken.</param>
/// <param name="ItnText">Written form after inverse text normalisation (finals only, when enabled).</param>
/// <param name="Tokens">Tokens with stream-time timestamps in seconds.</param>
/// <param name="Start">Segment start.</param>
/// <param name="End">End of the audio this hypothesis covers.</param>
public sealed record TranscriptEvent(
    int SegmentIndex,
    bool IsFinal,
    string Text,
    string? ItnText,
    IReadOnlyList<Streaming.Asr.RecognizedToken> Tokens,
    double Start,
    double End) : PipelineEvent
{
    /// <summary>
    /// How many leading <see cref="Tokens"/> later partials of this segment keep unchanged (all of them for a
    /// final); only the tail after them may still change.
    /// </summary>
    public int StableTokenCount { get; init; }

    /// <summary>Hotwords present in <see cref="Text"/>, recognised or (finals only) corrected by re-scoring.</summary>
    public IReadOnlyList<string> HotwordsHit { get; init; } = [];
}

/// <summary>A keyword of the session's list was spotted in segment <paramref name="SegmentIndex"/>.</summary>
/// <param name="SegmentIndex">The segment the keyword was heard in.</param>
/// <param name="Keyword">The keyword as the user wrote it.</param>
/// <param name="Start">Start of the keyword in stream time.</param>
/// <param name="End">End of the keyword in stream time.</param>
/// <param name="Confidence">The spotter's confidence in [0, 1].</param>
public sealed record KeywordSpottedEvent(int SegmentIndex, string Keyword, double Start, double End, float Confidence) : PipelineEvent;

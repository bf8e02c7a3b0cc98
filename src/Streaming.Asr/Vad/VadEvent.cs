namespace Streaming.Asr.Vad;

/// <summary>Whether a <see cref="VadEvent"/> opens or closes a speech segment.</summary>
public enum VadEventKind
{
    /// <summary>A segment starts.</summary>
    SpeechStart,

    /// <summary>A segment ends.</summary>
    SpeechEnd,
}

/// <summary>A segment boundary decided by <see cref="VadSegmenter"/>, at a stream position in samples.</summary>
public readonly record struct VadEvent(VadEventKind Kind, long Sample);

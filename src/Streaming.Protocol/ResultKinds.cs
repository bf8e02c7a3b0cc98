namespace Streaming.Protocol;

/// <summary>Values of <see cref="TranscriptResult.Kind"/>.</summary>
public static class ResultKinds
{
    /// <summary>A hypothesis that may still change.</summary>
    public const string Partial = "partial";

    /// <summary>The segment's last word.</summary>
    public const string Final = "final";
}

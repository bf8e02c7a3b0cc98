using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>Events <c>partial</c> and <c>final</c>: a hypothesis for one segment.</summary>
[DataContract]
public sealed class TranscriptResult
{
    /// <summary>The session.</summary>
    [DataMember(Name = "sessionId")]
    public string SessionId { get; set; } = "";

    /// <summary>Stable id of the segment; a final replaces the partials with the same id.</summary>
    [DataMember(Name = "segmentId")]
    public int SegmentId { get; set; }

    /// <summary>"partial" or "final".</summary>
    [DataMember(Name = "kind")]
    public string Kind { get; set; } = ResultKinds.Partial;

    /// <summary>Text as spoken.</summary>
    [DataMember(Name = "text")]
    public string Text { get; set; } = "";

    /// <summary>Written form (finals with ITN on), else null.</summary>
    [DataMember(Name = "itnText")]
    public string? ItnText { get; set; }

    /// <summary>Tokens with stream-time timestamps.</summary>
    [DataMember(Name = "tokens")]
    public TranscriptToken[] Tokens { get; set; } = [];

    /// <summary>Segment start, seconds of stream time.</summary>
    [DataMember(Name = "start")]
    public double Start { get; set; }

    /// <summary>End of the audio this hypothesis covers, seconds of stream time.</summary>
    [DataMember(Name = "end")]
    public double End { get; set; }

    /// <summary>Hotwords of the session found in the text.</summary>
    [DataMember(Name = "hotwordsHit")]
    public string[] HotwordsHit { get; set; } = [];
}

using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>Event <c>keywordSpotted</c>: a keyword of the session's list was heard (call-centre QA alerts).</summary>
[DataContract]
public sealed class KeywordSpotted
{
    /// <summary>The session.</summary>
    [DataMember(Name = "sessionId")]
    public string SessionId { get; set; } = "";

    /// <summary>The segment the keyword was heard in (that of the partials and final around it).</summary>
    [DataMember(Name = "segmentId")]
    public int SegmentId { get; set; }

    /// <summary>The keyword as it was written in the list.</summary>
    [DataMember(Name = "keyword")]
    public string Keyword { get; set; } = "";

    /// <summary>Start of the keyword, seconds of stream time.</summary>
    [DataMember(Name = "start")]
    public double Start { get; set; }

    /// <summary>End of the keyword, seconds of stream time.</summary>
    [DataMember(Name = "end")]
    public double End { get; set; }

    /// <summary>How sure the spotter is, in [0, 1].</summary>
    [DataMember(Name = "confidence")]
    public float Confidence { get; set; }

    /// <summary>Who spoke: the call channel's role (<c>agent</c>, <c>customer</c>) or the session's; null when none was given.</summary>
    [DataMember(Name = "role")]
    public string? Role { get; set; }
}

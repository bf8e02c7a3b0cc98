using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>What the segment boundary events share: which segment of which session, and where it starts.</summary>
[DataContract]
public abstract class SegmentEvent
{
    /// <summary>The session.</summary>
    [DataMember(Name = "sessionId")]
    public string SessionId { get; set; } = "";

    /// <summary>Stable id of the segment within the session.</summary>
    [DataMember(Name = "segmentId")]
    public int SegmentId { get; set; }

    /// <summary>Segment start, seconds of stream time.</summary>
    [DataMember(Name = "start")]
    public double Start { get; set; }
}

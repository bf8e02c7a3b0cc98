using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>Event <c>speechEnded</c>: a segment closed (after its final).</summary>
[DataContract]
public sealed class SpeechEnded
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

    /// <summary>Segment end, seconds of stream time.</summary>
    [DataMember(Name = "end")]
    public double End { get; set; }
}

using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>Event <c>speechEnded</c>: a segment closed (after its final).</summary>
[DataContract]
public sealed class SpeechEnded : SegmentEvent
{
    /// <summary>Segment end, seconds of stream time.</summary>
    [DataMember(Name = "end")]
    public double End { get; set; }
}

using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>Event <c>speechStarted</c>: a segment opened.</summary>
[DataContract]
public sealed class SpeechStarted : SegmentEvent;

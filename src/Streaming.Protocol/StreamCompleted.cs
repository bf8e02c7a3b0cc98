using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>
/// What <c>SendAudio</c> returns once the session is finalised. Events travel separately from the
/// invocation's result, so a client that wants every event before it moves on waits until it has
/// received <see cref="Events"/> events of the session.
/// </summary>
[DataContract]
public sealed class StreamCompleted
{
    /// <summary>The session.</summary>
    [DataMember(Name = "sessionId")]
    public string SessionId { get; set; } = "";

    /// <summary>Seconds of audio the server received.</summary>
    [DataMember(Name = "audioSeconds")]
    public double AudioSeconds { get; set; }

    /// <summary>Events of the session delivered to the calling connection (partials dropped for a slow client are not counted).</summary>
    [DataMember(Name = "events")]
    public int Events { get; set; }
}

using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>The answer to <c>StartSession</c>.</summary>
[DataContract]
public sealed class SessionStarted
{
    /// <summary>Id to pass to <c>SendAudio</c> and <c>Subscribe</c>.</summary>
    [DataMember(Name = "sessionId")]
    public string SessionId { get; set; } = "";

    /// <summary>The inference device the session runs on.</summary>
    [DataMember(Name = "device")]
    public string Device { get; set; } = "";
}

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

    /// <summary>The language the session is recognised as (<c>en</c> or <c>zh</c>; never <c>auto</c>).</summary>
    [DataMember(Name = "language")]
    public string Language { get; set; } = "";

    /// <summary>The recogniser serving the session.</summary>
    [DataMember(Name = "model")]
    public string Model { get; set; } = "";
}

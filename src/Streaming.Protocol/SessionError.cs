using System.Runtime.Serialization;

namespace Streaming.Protocol;

/// <summary>Event <c>error</c>: something went wrong with a session; see <see cref="ErrorCodes"/>.</summary>
[DataContract]
public sealed class SessionError
{
    /// <summary>The session.</summary>
    [DataMember(Name = "sessionId")]
    public string SessionId { get; set; } = "";

    /// <summary>Stable machine-readable code.</summary>
    [DataMember(Name = "code")]
    public string Code { get; set; } = "";

    /// <summary>What happened, for people.</summary>
    [DataMember(Name = "message")]
    public string Message { get; set; } = "";
}

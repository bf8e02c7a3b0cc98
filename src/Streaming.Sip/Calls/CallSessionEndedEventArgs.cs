namespace Streaming.Sip.Calls;

/// <summary>A call channel's session ended.</summary>
/// <param name="info">Who the session was.</param>
/// <param name="reason">Why the call ended: "remote hangup", "no RTP", "cancelled", ...</param>
public sealed class CallSessionEndedEventArgs(CallSessionInfo info, string reason) : EventArgs
{
    /// <summary>Session identity and call metadata.</summary>
    public CallSessionInfo Info { get; } = info;

    /// <summary>Why the call ended.</summary>
    public string Reason { get; } = reason;
}

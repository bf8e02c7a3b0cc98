namespace Streaming.Sip.Calls;

/// <summary>A call channel's session opened.</summary>
/// <param name="info">Who the session is.</param>
/// <param name="session">The session (a <see cref="PipelineCallSession"/> with the default factory).</param>
public sealed class CallSessionEventArgs(CallSessionInfo info, ICallSession session) : EventArgs
{
    /// <summary>Session identity and call metadata.</summary>
    public CallSessionInfo Info { get; } = info;

    /// <summary>The session audio is written to.</summary>
    public ICallSession Session { get; } = session;
}

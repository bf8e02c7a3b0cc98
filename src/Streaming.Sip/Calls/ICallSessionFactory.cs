namespace Streaming.Sip.Calls;

/// <summary>
/// The seam between signalling and recognition: the host decides how a call channel becomes a session (and may
/// refuse, by throwing, which answers the INVITE 503). Opening may take time; the INVITE stays pending meanwhile
/// and a CANCEL in that window is honoured.
/// </summary>
public interface ICallSessionFactory
{
    /// <summary>Opens the session for one channel of a call.</summary>
    ValueTask<ICallSession> OpenAsync(CallSessionInfo info, CancellationToken cancellationToken);
}

using Streaming.Sip.Calls;

namespace Streaming.Sip;

/// <summary>
/// A source of calls that become recognition sessions. <see cref="SipIngress"/> implements it with our own SIP
/// stack; a SIP library could implement it instead without the host changing.
/// </summary>
public interface ICallIngress
{
    /// <summary>A call channel became session <see cref="CallSessionInfo.SessionId"/>; its audio now flows.</summary>
    event EventHandler<CallSessionEventArgs>? SessionStarted;

    /// <summary>A call channel's session was completed and released.</summary>
    event EventHandler<CallSessionEndedEventArgs>? SessionEnded;

    /// <summary>Binds the listeners and starts serving.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Ends every call (BYE with Reason) and releases the listeners.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Sessions of live calls matching the SIP Call-ID, the From/To URI or the correlation header value.</summary>
    IReadOnlyList<CallSessionInfo> FindSessions(string key);
}

using System.Net;

namespace Streaming.Sip.Transport;

/// <summary>
/// Where a message came from and how to answer it: responses and in-dialog requests go back over the same
/// flow (symmetric signalling, which is what trunks behind NAT expect).
/// </summary>
internal abstract class SipFlow
{
    /// <summary>The peer's address.</summary>
    public abstract IPEndPoint Remote { get; }

    /// <summary>True for TCP: no retransmissions are needed.</summary>
    public abstract bool IsReliable { get; }

    /// <summary>Transport token for Via/Contact (UDP or TCP).</summary>
    public string Protocol => IsReliable ? "TCP" : "UDP";

    /// <summary>False once the connection is gone (TCP); a UDP flow is always open.</summary>
    public virtual bool IsOpen => true;

    /// <summary>A dialog depends on this flow from now on (its in-dialog requests and our BYE use it).</summary>
    public virtual void Hold()
    {
    }

    /// <summary>A dialog that held this flow ended.</summary>
    public virtual void Release()
    {
    }

    /// <summary>Sends one serialised message; failures are swallowed by the caller's logging, never thrown into the stack.</summary>
    public abstract ValueTask SendAsync(byte[] message, CancellationToken cancellationToken);
}

using System.Net;
using System.Net.Sockets;

namespace Streaming.Sip.Transport;

/// <summary>A peer reached over the shared UDP socket.</summary>
internal sealed class UdpFlow(Socket socket, IPEndPoint remote) : SipFlow
{
    /// <inheritdoc />
    public override IPEndPoint Remote => remote;

    /// <inheritdoc />
    public override bool IsReliable => false;

    /// <inheritdoc />
    public override async ValueTask SendAsync(byte[] message, CancellationToken cancellationToken) =>
        await socket.SendToAsync(message, SocketFlags.None, remote, cancellationToken).ConfigureAwait(false);
}

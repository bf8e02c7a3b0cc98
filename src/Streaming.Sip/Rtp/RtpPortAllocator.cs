using System.Net;
using System.Net.Sockets;

namespace Streaming.Sip.Rtp;

/// <summary>Binds RTP sockets: on an even port of the configured range, or any free port when no range is set.</summary>
internal sealed class RtpPortAllocator(IPAddress address, int min, int max)
{
    private readonly int _min = min;
    private int _next = min;

    /// <summary>Returns a bound socket, or throws <see cref="SocketException"/> when the range is exhausted.</summary>
    public Socket Bind()
    {
        if (max == 0)
        {
            return BindTo(0) ?? throw new SocketException((int)SocketError.AddressAlreadyInUse);
        }

        var span = ((max - _min) / 2) + 1;
        for (var attempt = 0; attempt < span; attempt++)
        {
            var port = Interlocked.Add(ref _next, 2) - 2;
            if (port > max - 1)
            {
                Interlocked.Exchange(ref _next, _min);
                port = _min;
            }

            if (BindTo(port & ~1) is { } socket)
            {
                return socket;
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    private Socket? BindTo(int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}

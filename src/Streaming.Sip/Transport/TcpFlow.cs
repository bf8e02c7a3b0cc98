using System.Net;
using System.Net.Sockets;

namespace Streaming.Sip.Transport;

/// <summary>One accepted TCP connection; writes are serialised because responses and requests may race.</summary>
internal sealed class TcpFlow(TcpClient client) : SipFlow, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _dialogs;
    private volatile bool _closed;

    /// <inheritdoc />
    public override IPEndPoint Remote { get; } = (IPEndPoint)client.Client.RemoteEndPoint!;

    /// <inheritdoc />
    public override bool IsReliable => true;

    /// <summary>True while a dialog holds the connection, which then never counts as idle.</summary>
    public bool IsHeld => Volatile.Read(ref _dialogs) > 0;

    /// <summary>The connection's stream.</summary>
    public NetworkStream Stream { get; } = client.GetStream();

    /// <inheritdoc />
    public override void Hold() => Interlocked.Increment(ref _dialogs);

    /// <inheritdoc />
    public override void Release() => Interlocked.Decrement(ref _dialogs);

    /// <inheritdoc />
    public override bool IsOpen => !_closed;

    /// <inheritdoc />
    public override async ValueTask SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The connection closed under us (peer gone, or closed for a framing fault or timeout): what was
            // being sent is lost, and whoever depends on the flow sees IsOpen turn false.
            _closed = true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closed = true;
        // The write lock is not disposed: a call may still be sending when the connection closes under it.
        client.Dispose();
    }
}

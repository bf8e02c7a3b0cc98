using System.Net;
using System.Net.Sockets;

namespace Streaming.Sip.Transport;

/// <summary>One accepted TCP connection; writes are serialised because responses and requests may race.</summary>
internal sealed class TcpFlow(TcpClient client) : SipFlow, IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _dialogs;

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
    public override async ValueTask SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        client.Dispose();
        _writeLock.Dispose();
    }
}

using System.Collections.Concurrent;
using Org.BouncyCastle.Tls;

namespace Streaming.WebRtc.Dtls;

/// <summary>
/// The datagram transport BouncyCastle's DTLS runs on: records the demultiplexer routed here are queued for
/// <see cref="Receive(byte[], int, int, int)"/>; sends go out through the shared socket to the peer.
/// </summary>
internal sealed class DtlsDatagramTransport(Action<ReadOnlyMemory<byte>> send) : DatagramTransport
{
    // Chromium's DTLS flights are a handful of records; a bounded queue sheds a flood instead of growing.
    private const int Capacity = 64;
    private const int Mtu = 1200;
    private readonly BlockingCollection<byte[]> _inbound = new(Capacity);
    private readonly CancellationTokenSource _closed = new();

    /// <summary>Queues a DTLS record from the peer; false when the queue is full or closed.</summary>
    public bool Enqueue(ReadOnlySpan<byte> record) => !_closed.IsCancellationRequested && _inbound.TryAdd(record.ToArray());

    /// <inheritdoc />
    public int GetReceiveLimit() => 1500;

    /// <inheritdoc />
    public int GetSendLimit() => Mtu;

    /// <inheritdoc />
    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    /// <inheritdoc />
    public int Receive(Span<byte> buffer, int waitMillis)
    {
        try
        {
            if (!_inbound.TryTake(out var record, waitMillis, _closed.Token))
            {
                return -1;
            }

            var n = Math.Min(record.Length, buffer.Length);
            record.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        catch (OperationCanceledException)
        {
            throw new TlsTimeoutException("The DTLS transport was closed.");
        }
    }

    /// <inheritdoc />
    public void Send(byte[] buf, int off, int len) => send(buf.AsMemory(off, len).ToArray());

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> buffer) => send(buffer.ToArray());

    /// <inheritdoc />
    public void Close() => _closed.Cancel();
}

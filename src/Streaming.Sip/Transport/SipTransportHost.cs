using System.Net;
using System.Net.Sockets;
using Streaming.Sip.Message;

namespace Streaming.Sip.Transport;

/// <summary>
/// Owns the UDP socket and the TCP listener and hands every received message, or framing fault, to the stack.
/// One slow or hostile TCP peer only affects its own connection; the receive loops never throw.
/// </summary>
internal sealed class SipTransportHost : IAsyncDisposable
{
    private readonly Socket _udp;
    private readonly TcpListener _tcp;
    private readonly int _maxMessageBytes;
    private readonly int _maxTcpConnections;
    private readonly TimeSpan _tcpMessageTimeout;
    private readonly TimeSpan _tcpIdleTimeout;
    private readonly ISipMessageSink _sink;
    private readonly SipMetrics _metrics;
    private readonly CancellationTokenSource _cts = new();
    private readonly List<Task> _loops = [];
    private int _tcpConnections;

    public SipTransportHost(SipIngressOptions options, ISipMessageSink sink, SipMetrics metrics)
    {
        _sink = sink;
        _metrics = metrics;
        _maxMessageBytes = options.MaxMessageBytes;
        _maxTcpConnections = options.MaxTcpConnections;
        _tcpMessageTimeout = TimeSpan.FromSeconds(options.TcpMessageTimeoutSeconds);
        _tcpIdleTimeout = TimeSpan.FromSeconds(options.TcpIdleTimeoutSeconds);
        var address = IPAddress.Parse(options.ListenAddress);
        _udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _udp.Bind(new IPEndPoint(address, options.UdpPort));
        _tcp = new TcpListener(address, options.TcpPort);
        _tcp.Start();
        UdpEndPoint = (IPEndPoint)_udp.LocalEndPoint!;
        TcpEndPoint = (IPEndPoint)_tcp.LocalEndpoint;
    }

    /// <summary>Bound UDP address (port resolved when 0 was configured).</summary>
    public IPEndPoint UdpEndPoint { get; }

    /// <summary>Bound TCP address.</summary>
    public IPEndPoint TcpEndPoint { get; }

    /// <summary>Starts the receive loops.</summary>
    public void Start()
    {
        _loops.Add(Task.Run(() => ReceiveUdpAsync(_cts.Token)));
        _loops.Add(Task.Run(() => AcceptTcpAsync(_cts.Token)));
    }

    private async Task ReceiveUdpAsync(CancellationToken token)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(_udp.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                // ICMP port-unreachable from a vanished peer surfaces here on some platforms; keep serving.
                continue;
            }

            var flow = new UdpFlow(_udp, (IPEndPoint)received.RemoteEndPoint);
            await DeliverAsync(buffer.AsMemory(0, received.ReceivedBytes).ToArray(), flow, token).ConfigureAwait(false);
        }
    }

    private async Task AcceptTcpAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp.AcceptTcpClientAsync(token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (Interlocked.Increment(ref _tcpConnections) > _maxTcpConnections)
            {
                Interlocked.Decrement(ref _tcpConnections);
                _metrics.Refused("tcp_connection_limit");
                client.Dispose();
                continue;
            }

            _ = Task.Run(() => ServeTcpAsync(client, token), token);
        }
    }

    private async Task ServeTcpAsync(TcpClient client, CancellationToken token)
    {
        using var flow = new TcpFlow(client);
        var framer = new SipStreamFramer(_maxMessageBytes);
        var buffer = new byte[8192];
        try
        {
            // One read stays pending across deadline checks: cancelling a socket read is not meant to be resumed.
            var read = flow.Stream.ReadAsync(buffer, token).AsTask();
            var partialSince = 0L;
            while (!token.IsCancellationRequested)
            {
                var limit = framer.HasPartial ? _tcpMessageTimeout - TimeSpan.FromMilliseconds(Environment.TickCount64 - partialSince) : _tcpIdleTimeout;
                if (!await CompletesWithinAsync(read, limit, token).ConfigureAwait(false))
                {
                    if (framer.HasPartial || !flow.IsHeld)
                    {
                        // A message left incomplete, or a connection nobody uses: free the slot (RFC 4475 §3.1.2.2).
                        _metrics.TcpClosed(framer.HasPartial ? "message_timeout" : "idle");
                        return;
                    }

                    continue;
                }

                var count = await read.ConfigureAwait(false);
                if (count == 0)
                {
                    return;
                }

                var hadPartial = framer.HasPartial;
                framer.Append(buffer.AsSpan(0, count));
                var took = false;
                while (framer.TryTake(out var message))
                {
                    took = true;
                    await DeliverAsync(message, flow, token).ConfigureAwait(false);
                }

                if (framer.HasPartial && (took || !hadPartial))
                {
                    partialSince = Environment.TickCount64;
                }

                read = flow.Stream.ReadAsync(buffer, token).AsTask();
            }
        }
        catch (SipParseException ex)
        {
            // The stream cannot be re-synchronised after a framing fault: answer if possible, then close.
            _metrics.Malformed(ex.StatusCode);
            await _sink.RejectAsync(ex, flow, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // Peer went away or we are stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _tcpConnections);
        }
    }

    private static async Task<bool> CompletesWithinAsync(Task task, TimeSpan limit, CancellationToken token)
    {
        if (limit <= TimeSpan.Zero)
        {
            return task.IsCompleted;
        }

        try
        {
            await task.WaitAsync(limit, token).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task DeliverAsync(byte[] data, SipFlow flow, CancellationToken token)
    {
        try
        {
            await _sink.ReceiveAsync(data, flow, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug handling one message must not stop the listener; it is counted so it is seen.
            _metrics.InternalError(ex.GetType().Name);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync().ConfigureAwait(false);
        _tcp.Stop();
        _udp.Dispose();
        await Task.WhenAll(_loops).ConfigureAwait(false);
        _cts.Dispose();
    }
}

using System.Net;
using System.Net.Sockets;
using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip.Tests;

/// <summary>A raw TCP peer of the ingress: sends bytes as they are and frames what comes back.</summary>
public sealed class TcpTestClient : IDisposable
{
    private readonly TcpClient _client = new();
    private readonly SipStreamFramer _framer = new(65536);
    private readonly byte[] _buffer = new byte[8192];
    private Task<int>? _read;

    private TcpTestClient()
    {
    }

    /// <summary>True once the server closed the connection.</summary>
    public bool Closed { get; private set; }

    public static async Task<TcpTestClient> ConnectAsync(int port)
    {
        var client = new TcpTestClient();
        await client._client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }

    public async Task SendAsync(byte[] data) => await _client.GetStream().WriteAsync(data);

    /// <summary>Next response of at least <paramref name="minimum"/>, or null when none comes in time or the server closes.</summary>
    public async Task<SipResponse?> ResponseAsync(TimeSpan timeout, int minimum = 200)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            while (_framer.TryTake(out var message))
            {
                if (SipParser.Parse(message, 65536) is SipResponse response && response.StatusCode >= minimum)
                {
                    return response;
                }
            }

            if (Closed || !await ReadAsync(deadline - DateTime.UtcNow))
            {
                return null;
            }
        }
    }

    /// <summary>Waits until the server closes the connection; false when it is still open after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitClosedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Closed && await ReadAsync(deadline - DateTime.UtcNow))
        {
        }

        return Closed;
    }

    // One read stays pending across timeouts so no bytes are lost; false on timeout.
    private async Task<bool> ReadAsync(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        _read ??= _client.GetStream().ReadAsync(_buffer).AsTask();
        if (await Task.WhenAny(_read, Task.Delay(timeout)) != _read)
        {
            return false;
        }

        int count;
        try
        {
            count = await _read;
        }
        catch (IOException)
        {
            count = 0;
        }

        _read = null;
        Closed = count == 0;
        _framer.Append(_buffer.AsSpan(0, count));
        return true;
    }

    public void Dispose() => _client.Dispose();
}

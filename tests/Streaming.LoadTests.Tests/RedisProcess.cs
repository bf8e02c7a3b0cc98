using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streaming.LoadTests.Tests;

/// <summary>A private redis-server on a free loopback port, without persistence; killed on dispose.</summary>
internal sealed class RedisProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private RedisProcess(ChildProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis connection string.</summary>
    public string Connection => $"127.0.0.1:{Port}";

    public static async Task<RedisProcess> StartAsync()
    {
        var port = FreePort();
        var child = ChildProcess.Start("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
        var redis = new RedisProcess(child, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && !child.HasExited)
        {
            if (await redis.PingAsync())
            {
                return redis;
            }

            await Task.Delay(50);
        }

        var tail = child.Tail;
        await child.DisposeAsync();
        throw new InvalidOperationException($"redis-server did not answer PING on port {port} (installed by scripts/setup-tests.sh?). Output:\n{tail}");
    }

    public async ValueTask DisposeAsync() => await process.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

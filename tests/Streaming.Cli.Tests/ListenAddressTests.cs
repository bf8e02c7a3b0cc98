using System.Net.Sockets;

namespace Streaming.Cli.Tests;

/// <summary><c>streaming serve</c> listens where ASP.NET Core's conventions say (docs/hosting.md).</summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task Server_listens_on_ASPNETCORE_URLS_and_is_ready_there()
    {
        var port = ServeProcess.FreePort();
        var environment = ServeProcess.KeyEnvironment();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";

        await using var server = await ServeProcess.StartAsync([], environment, new Uri($"http://127.0.0.1:{port}"));

        Assert.Contains($"Now listening on: http://127.0.0.1:{port}", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(":7860", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', server.Output); // no raw terminal escapes (ONNX Runtime's own console log)
    }

    [Fact]
    public async Task Urls_option_wins_over_Server_Port()
    {
        var (chosen, shorthand) = (ServeProcess.FreePort(), ServeProcess.FreePort());
        var environment = ServeProcess.KeyEnvironment();
        environment["Server__Port"] = $"{shorthand}";

        await using var server = await ServeProcess.StartAsync(["--urls", $"http://127.0.0.1:{chosen}"], environment, new Uri($"http://127.0.0.1:{chosen}"));

        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", shorthand));
    }
}

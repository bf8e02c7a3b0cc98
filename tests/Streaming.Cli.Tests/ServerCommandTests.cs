using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary>A <c>streaming serve</c> process on a free loopback port with a signing key of its own.</summary>
public sealed class ServedServer : IAsyncLifetime
{
    private ServeProcess _process = null!;

    public Dictionary<string, string> Environment { get; } = ServeProcess.KeyEnvironment();

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = ServeProcess.FreePort();
        Url = $"http://127.0.0.1:{port}";
        _process = await ServeProcess.StartAsync(["--port", $"{port}", "--host", "127.0.0.1"], Environment, new Uri(Url));
    }

    public async Task DisposeAsync() => await _process.DisposeAsync();
}

/// <summary><c>serve</c>, <c>token</c> and <c>stream</c> together: a real server process and real client processes.</summary>
public sealed class ServerCommandTests(ServedServer server) : IClassFixture<ServedServer>
{
    [Fact]
    public async Task Stream_prints_the_captions_of_a_file_sent_to_a_served_server()
    {
        var token = await CliProcess.RunAsync(["token", "--sub", "cli-user"], environment: server.Environment);
        Assert.Equal(0, token.ExitCode);

        var result = await CliProcess.RunAsync(
            ["stream", TestPaths.InRepo("samples", "jfk.wav"), "--url", server.Url, "--token", token.Stdout.Trim(), "--fast", "--finals-only"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("fellow", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"^\[\d+\.\d\d-\d+\.\d\d\] ", CliProcess.Lines(result.Stdout)[0]);
    }

    [Fact]
    public async Task Stream_without_a_token_is_refused_with_a_clear_error()
    {
        var result = await CliProcess.RunAsync(["stream", TestPaths.InRepo("samples", "jfk.wav"), "--url", server.Url]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("401", result.Stderr);
    }

    [Fact]
    public async Task Token_requires_a_subject()
    {
        var result = await CliProcess.RunAsync(["token"], environment: server.Environment);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sub NAME is required", result.Stderr);
    }
}

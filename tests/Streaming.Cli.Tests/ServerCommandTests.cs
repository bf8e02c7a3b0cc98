using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary>A <c>streaming serve</c> process on a free loopback port with a signing key of its own.</summary>
public sealed class ServedServer : IAsyncLifetime
{
    private Process _process = null!;

    public Dictionary<string, string> Environment { get; } = new()
    {
        ["Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "streaming.dll"), "serve", "--port", $"{port}", "--host", "127.0.0.1" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "streaming serve exited early");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("streaming serve did not become ready within 90 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
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

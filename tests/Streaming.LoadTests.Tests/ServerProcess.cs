using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Streaming.Server.Auth;
using Streaming.Testing;

namespace Streaming.LoadTests.Tests;

/// <summary>
/// The real server as its own process (<c>dotnet Streaming.Server.dll</c>) on a free loopback port, with its own
/// signing key; several can run side by side, as the nodes of a scale-out test.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly ChildProcess process;

    private ServerProcess(ChildProcess process, Uri address, TokenIssuer tokens)
    {
        this.process = process;
        Address = address;
        Tokens = tokens;
    }

    public Uri Address { get; }

    /// <summary>Signs tokens this server accepts.</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>A fresh signing key, to share between the nodes of one deployment.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Starts a server and waits until it listens and its models are loaded.</summary>
    public static async Task<ServerProcess> StartAsync(string signingKey, IDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Streaming.Server.dll");
        var config = new Dictionary<string, string>
        {
            ["Server:Host"] = "127.0.0.1",
            ["Server:Port"] = "0",
            ["Auth:SigningKey"] = signingKey,
            ["Engine:ModelsDirectory"] = TestPaths.Models,
            ["Engine:Models:0"] = "moonshine-tiny-en",
            ["Engine:DefaultModel:en"] = "moonshine-tiny-en",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            config[key] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = ChildProcess.Start("dotnet", [dll, .. config.Select(kv => $"--{kv.Key}={kv.Value}")]);
        child.Line += line =>
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };

        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var server = new ServerProcess(child, address, new TokenIssuer(new AuthOptions { SigningKey = signingKey }));
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch (TimeoutException)
        {
            var tail = child.Tail;
            await child.DisposeAsync();
            throw new TimeoutException($"The server did not start within 60 s. Its output:\n{tail}");
        }
    }

    public async ValueTask DisposeAsync() => await process.DisposeAsync();

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server at {Address} was not ready within 60 s. Its output:\n{process.Tail}");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}

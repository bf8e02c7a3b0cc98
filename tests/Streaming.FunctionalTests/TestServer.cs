using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Streaming.Client;
using Streaming.Server.Auth;
using Streaming.Server.Hosting;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>The real server on a free loopback port, with its own signing key, and helpers to talk to it.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, AuthOptions auth)
    {
        _app = app;
        Tokens = new TokenIssuer(auth);
        var urls = app.Urls.ToArray();
        BaseUrl = new Uri(urls.First(u => u.StartsWith("http://", StringComparison.Ordinal)));
        HttpsUrl = urls.FirstOrDefault(u => u.StartsWith("https://", StringComparison.Ordinal)) is { } https ? new Uri(https) : null;
    }

    /// <summary>Plain HTTP address.</summary>
    public Uri BaseUrl { get; }

    /// <summary>HTTPS address, when the server was given a certificate.</summary>
    public Uri? HttpsUrl { get; }

    /// <summary>The server's services (to find the endpoints of other ingresses).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Signs tokens this server accepts.</summary>
    public TokenIssuer Tokens { get; }

    /// <summary>Starts a server with <paramref name="settings"/> over the test defaults and waits until its models are loaded.</summary>
    public static async Task<TestServer> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var auth = new AuthOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var config = new Dictionary<string, string?>
        {
            ["Server:Host"] = "127.0.0.1",
            ["Server:Port"] = "0",
            ["Auth:SigningKey"] = auth.SigningKey,
            ["Engine:ModelsDirectory"] = TestPaths.Models,

            // Tiny alone keeps start-up and decoding fast for the tests that do not care about the model.
            ["Engine:Models:0"] = "moonshine-tiny-en",
            ["Engine:DefaultModel:en"] = "moonshine-tiny-en",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Telemetry:MeterName"] = $"Streaming.Server.{Guid.NewGuid():N}",
            ["Jobs:DataDirectory"] = Path.Combine(Path.GetTempPath(), $"streaming-jobs-{Guid.NewGuid():N}"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = ServerHost.Build([], b => b.Configuration.AddInMemoryCollection(config));
        await app.StartAsync();
        var server = new TestServer(app, auth);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>A hub client for <paramref name="subject"/> (null: no token).</summary>
    public TranscriptionClient Client(string? subject, bool messagePack = false, IEnumerable<string>? viewerOf = null, bool admin = false) =>
        new(BaseUrl, subject is null ? null : Tokens.Create(subject, viewerOf, admin), messagePack);

    /// <summary>An HTTP client with an admin token.</summary>
    public HttpClient AdminHttp()
    {
        var http = new HttpClient { BaseAddress = BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Create("admin-user", admin: true));
        return http;
    }

    /// <summary>Stops the server (graceful shutdown: open sessions are finalised).</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server did not load its models within 60 s.");
    }
}

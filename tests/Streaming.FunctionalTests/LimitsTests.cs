using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.SignalR;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>
/// A server with tight limits (one session, 2 s idle timeout, a one-packet pipeline queue that refuses at
/// once) and an HTTPS endpoint with a self-signed certificate made for the test.
/// </summary>
public sealed class LimitedServer : IAsyncLifetime
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"streaming-test-{Guid.NewGuid():N}.pfx");

    public TestServer Server { get; private set; } = null!;

    public X509Certificate2 Certificate { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        await File.WriteAllBytesAsync(_certificatePath, created.Export(X509ContentType.Pfx, "test"));
        Certificate = X509CertificateLoader.LoadCertificate(created.Export(X509ContentType.Cert));

        Server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Server:MaxConcurrentSessions"] = "1",
            ["Server:IdleTimeoutSeconds"] = "2",
            ["Server:OverloadWaitMs"] = "0",
            ["Pipeline:InputCapacity"] = "1",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = _certificatePath,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "test",
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Certificate.Dispose();
        File.Delete(_certificatePath);
    }
}

public sealed class LimitsTests(LimitedServer limited) : IClassFixture<LimitedServer>
{
    private TestServer Server => limited.Server;

    [Fact]
    public async Task A_session_beyond_the_concurrency_limit_is_refused_not_queued()
    {
        await using var first = Server.Client("pam");
        await first.ConnectAsync();
        await using var second = Server.Client("quinn");
        await second.ConnectAsync();
        await first.StartSessionAsync(new SessionRequest());

        var error = await Assert.ThrowsAsync<HubException>(() => second.StartSessionAsync(new SessionRequest()));

        Assert.Contains("limit of 1 concurrent sessions", error.Message);
        await first.StopAsync();
        await WaitForNoSessionsAsync();
    }

    [Fact]
    public async Task A_session_that_sends_no_audio_ends_with_an_idle_timeout_error()
    {
        await using var client = Server.Client("rita");
        var log = new EventLog(client);
        await client.ConnectAsync();

        var sessionId = await client.StartSessionAsync(new SessionRequest());

        await log.WaitForAsync(l => l.Errors.Count > 0, seconds: 15);
        var error = Assert.Single(log.Errors);
        Assert.Equal(ErrorCodes.IdleTimeout, error.Code);
        Assert.Equal(sessionId, error.SessionId);
        await WaitForNoSessionsAsync();
    }

    [Fact]
    public async Task Pipeline_overload_is_reported_to_the_client_as_an_error()
    {
        await using var client = Server.Client("sam");
        var log = new EventLog(client);
        await client.ConnectAsync();
        var source = new WavAudioSource(TestPaths.InRepo("samples", "jfk.wav"));
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate });

        var completed = await client.SendAudioAsync(sessionId, source.ReadAsync(chunkMs: 10, paced: false));

        var error = Assert.Single(log.Errors);
        Assert.Equal(ErrorCodes.Overloaded, error.Code);
        Assert.True(completed.AudioSeconds < source.Duration.TotalSeconds, "the session should have ended before all audio was taken");
        await WaitForNoSessionsAsync();
    }

    [Fact]
    public async Task A_session_whose_results_fall_behind_real_time_ends_as_overloaded()
    {
        // A 1 ms lag limit stands in for a server that has fallen behind: the first partial already trails.
        await using var server = await TestServer.StartAsync(new Dictionary<string, string?> { ["Server:MaxResultLagMs"] = "1" });
        await using var client = server.Client("tim");
        var log = new EventLog(client);
        await client.ConnectAsync();
        var source = new WavAudioSource(TestPaths.InRepo("samples", "jfk.wav"));
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate });

        var completed = await client.SendAudioAsync(sessionId, source.ReadAsync(paced: true));

        var error = Assert.Single(log.Errors);
        Assert.Equal(ErrorCodes.Overloaded, error.Code);
        Assert.Contains("trail the audio", error.Message);
        Assert.True(completed.AudioSeconds < source.Duration.TotalSeconds, "the session should have ended before all audio was taken");
    }

    [Fact]
    public async Task The_https_endpoint_serves_with_the_configured_certificate()
    {
        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
                return true;
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = Assert.IsType<Uri>(Server.HttpsUrl) };

        var response = await http.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(limited.Certificate.Thumbprint, presented?.Thumbprint);
    }

    private async Task WaitForNoSessionsAsync()
    {
        using var admin = Server.AdminHttp();
        await HubStreamingTests.WaitUntilAsync(async () => (await HubStreamingTests.Sessions(admin)).Length == 0);
    }
}

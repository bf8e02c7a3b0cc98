using System.Net.Http.Headers;
using Streaming.Server.WebRtc;

namespace Streaming.FunctionalTests.WebRtc;

/// <summary>One server for the WHIP tests, with a short no-media timeout and its own UDP port range.</summary>
public sealed class WhipServer : IAsyncLifetime
{
    public const int NoMediaSeconds = 4;

    public TestServer Server { get; private set; } = null!;

    public WebRtcHost Host => (WebRtcHost)Server.Services.GetService(typeof(WebRtcHost))!;

    public async Task InitializeAsync() =>
        Server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["WebRtc:UdpPortMin"] = "41000",
            ["WebRtc:UdpPortMax"] = "41999",
            ["WebRtc:NoMediaTimeoutSeconds"] = NoMediaSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>An HTTP client with a client token for <paramref name="subject"/>.</summary>
    public HttpClient Http(string subject)
    {
        var http = new HttpClient { BaseAddress = Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Tokens.Create(subject));
        return http;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

using System.Net;

namespace Streaming.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class HttpEndpointTests(SharedServer shared)
{
    [Fact]
    public async Task The_web_folder_is_served_with_index_html_at_the_root()
    {
        using var http = new HttpClient { BaseAddress = shared.Server.BaseUrl };

        var page = await http.GetStringAsync("/");

        Assert.Contains("captions test page", page);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready_once_models_are_loaded()
    {
        using var http = new HttpClient { BaseAddress = shared.Server.BaseUrl };

        var live = await http.GetAsync("/health/live");
        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://captions.example", true)]
    [InlineData("http://elsewhere.example", false)]
    public async Task Cross_origin_requests_are_allowed_only_from_configured_origins(string origin, bool allowed)
    {
        using var http = new HttpClient { BaseAddress = shared.Server.BaseUrl };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/hubs/transcription/negotiate");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await http.SendAsync(preflight);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Contains(origin));
    }

    [Fact]
    public async Task A_plain_http_request_to_the_FunAsr_socket_gets_a_problem_response()
    {
        using var http = new HttpClient { BaseAddress = shared.Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", shared.Server.Tokens.Create("uma"));

        var response = await http.GetAsync("/ws/funasr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("connect with a WebSocket client", await response.Content.ReadAsStringAsync());
    }
}

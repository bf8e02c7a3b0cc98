using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Server.Auth;

namespace Streaming.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class AuthTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task A_connection_without_a_token_is_refused()
    {
        await using var client = Server.Client(subject: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.ConnectAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var foreign = new TokenIssuer(new AuthOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        await using var client = new TranscriptionClient(Server.BaseUrl, foreign.Create("mallory"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.ConnectAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Another_user_without_a_viewer_claim_can_neither_watch_nor_feed_a_session()
    {
        await using var owner = Server.Client("ivan");
        await owner.ConnectAsync();
        var sessionId = await owner.StartSessionAsync(new SessionRequest());
        await using var other = Server.Client("judy", viewerOf: ["some-other-session"]);
        await other.ConnectAsync();

        var watch = await Assert.ThrowsAsync<HubException>(() => other.SubscribeAsync(sessionId));
        var feed = await Assert.ThrowsAsync<HubException>(() => other.SendAudioAsync(sessionId, HubStreamingTests.Messages(new byte[320])));

        Assert.Contains("may not watch", watch.Message);
        Assert.Contains("Only the owner", feed.Message);
    }

    [Fact]
    public async Task A_wildcard_viewer_claim_may_watch_any_session()
    {
        await using var owner = Server.Client("kate");
        await owner.ConnectAsync();
        var sessionId = await owner.StartSessionAsync(new SessionRequest());
        await using var viewer = Server.Client("leo", viewerOf: ["*"]);
        await viewer.ConnectAsync();

        await viewer.SubscribeAsync(sessionId);

        using var admin = Server.AdminHttp();
        var session = Assert.Single(await HubStreamingTests.Sessions(admin), s => s.SessionId == sessionId);
        Assert.Equal(2, session.Subscribers);
        Assert.Equal("kate", session.Owner);
    }

    [Fact]
    public async Task The_admin_api_needs_the_admin_role()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.BaseUrl };
        using var user = new HttpClient { BaseAddress = Server.BaseUrl };
        user.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Tokens.Create("mike"));
        using var admin = Server.AdminHttp();

        var none = await anonymous.GetAsync("/api/admin/sessions");
        var forbidden = await user.GetAsync("/api/admin/sessions");
        var allowed = await admin.GetAsync("/api/admin/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }
}

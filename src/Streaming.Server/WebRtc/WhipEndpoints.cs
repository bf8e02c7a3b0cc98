using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Streaming.Protocol;
using Streaming.Server.Auth;
using Streaming.Server.Hosting;
using Streaming.Server.Sessions;
using Streaming.WebRtc;

namespace Streaming.Server.WebRtc;

/// <summary>
/// WHIP (RFC 9725) at <c>/api/whip</c>: POST an SDP offer to start a session, DELETE its resource to end it.
/// Trickle ICE (PATCH) is refused with 405: offers must carry their candidates (or none: the server is ICE-lite
/// and learns the peer's address from its connectivity checks). Contract in docs/webrtc.md.
/// </summary>
public static class WhipEndpoints
{
    private const string SdpType = "application/sdp";
    private const int MaxOfferBytes = 64 * 1024;

    /// <summary>Binds <c>WebRtc</c> settings (validated at start-up) and registers the hosted ingress and its metrics.</summary>
    public static IServiceCollection AddWebRtc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebRtcOptions>().Bind(configuration.GetSection(WebRtcOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebRtcOptions>, WebRtcOptionsValidator>();
        services.AddSingleton<WebRtcMetrics>();
        services.AddSingleton<WebRtcHost>();
        services.AddHostedService(sp => sp.GetRequiredService<WebRtcHost>());
        return services;
    }

    /// <summary>Maps POST <c>/api/whip</c>, DELETE and PATCH <c>/api/whip/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapWhipApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/whip", PublishAsync).RequireAuthorization(StreamingClaims.ClientPolicy);
        app.MapDelete("/api/whip/{id}", End).RequireAuthorization(StreamingClaims.ClientPolicy);
        app.MapMethods("/api/whip/{id}", ["PATCH"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "DELETE";
            return Results.Problem(
                "Trickle ICE is not supported: send every candidate in the offer (or none; the server is ICE-lite and learns your address from connectivity checks).",
                statusCode: StatusCodes.Status405MethodNotAllowed);
        }).RequireAuthorization(StreamingClaims.ClientPolicy);
        return app;
    }

    private static async Task<IResult> PublishAsync(
        HttpContext context, WebRtcHost host, SessionRegistry registry, SessionAccess access, IOptions<ServerOptions> server)
    {
        if (host.Ingress is not { } ingress)
        {
            return Results.Problem("WebRTC ingress is not enabled on this server (WebRtc:Enabled).", statusCode: StatusCodes.Status404NotFound);
        }

        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), SdpType, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem($"The offer must be sent as {SdpType}.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var offer = await ReadOfferAsync(context.Request);
        if (offer is null)
        {
            return Results.Problem($"The offer exceeds {MaxOfferBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        LiveSession session;
        try
        {
            session = registry.Start(access.OwnerOf(context.User), RequestFrom(context.Request.Query));
        }
        catch (SessionRefusedException ex)
        {
            var full = registry.Count >= server.Value.MaxConcurrentSessions;
            return Results.Problem(ex.Message, statusCode: full ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status401Unauthorized);
        }

        IWhipPublication publication;
        try
        {
            publication = ingress.Publish(offer, new WhipSessionSink(session));
        }
        catch (Exception ex) when (ex is WhipOfferException or WhipCapacityException)
        {
            // Nobody watched the session yet; it ends without events.
            session.Finish();
            var status = ex is WhipOfferException ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable;
            return Results.Problem(ex.Message, statusCode: status);
        }

        host.Track(session, publication);
        var location = $"/api/whip/{session.Id}";
        context.Response.Headers.Location = location;
        context.Response.Headers["X-Session-Id"] = session.Id;
        context.Response.Headers["X-Session-Device"] = session.Plan.Device;
        context.Response.Headers["X-Session-Language"] = session.Plan.Language;
        context.Response.Headers["X-Session-Model"] = session.Plan.Model;
        return Results.Text(publication.AnswerSdp, SdpType, Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static async Task<IResult> End(
        string id, HttpContext context, WebRtcHost host, SessionRegistry registry, SessionAccess access, IOptions<ServerOptions> server)
    {
        if (host.Find(id) is null || registry.Find(id) is not { } session)
        {
            return Results.Problem($"WHIP session {id} was not found; it may have ended.", statusCode: StatusCodes.Status404NotFound);
        }

        if (session.Owner != access.OwnerOf(context.User))
        {
            return Results.Problem($"Only the owner of session {id} may end it.", statusCode: StatusCodes.Status403Forbidden);
        }

        // Open segments still get their finals; the answer comes once they were sent to subscribers (bounded).
        session.Finish();
        try
        {
            await session.Completion.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, server.Value.ShutdownFlushSeconds)), context.RequestAborted);
        }
        catch (TimeoutException)
        {
            // A stalled viewer loses its last events; the session is over all the same.
        }

        await host.CloseAsync(id);
        return Results.Ok();
    }

    // language, model, hotwords and keywords (comma-separated or repeated), itn, itnStyle, device, as the SignalR request carries them.
    private static SessionRequest RequestFrom(IQueryCollection query)
    {
        var request = new SessionRequest { Codec = AudioCodecNames.Opus, SampleRate = 16000 };
        if (query["language"].ToString() is { Length: > 0 } language)
        {
            request.Language = language;
        }

        if (ListFrom(query["hotwords"]) is { Length: > 0 } hotwords)
        {
            request.Hotwords = hotwords;
        }

        // Unusable keywords (too many, unspellable in the model's tokens) refuse the session: 400 with the reason.
        if (ListFrom(query["keywords"]) is { Length: > 0 } keywords)
        {
            request.Keywords = keywords;
        }

        if (query["itn"].ToString() is { Length: > 0 } itn)
        {
            request.Itn = !itn.Equals("false", StringComparison.OrdinalIgnoreCase) && itn != "0";
        }

        if (query["device"].ToString() is { Length: > 0 } device)
        {
            request.Device = device;
        }

        if (query["model"].ToString() is { Length: > 0 } model)
        {
            request.Model = model;
        }

        if (query["itnStyle"].ToString() is { Length: > 0 } itnStyle)
        {
            request.ItnStyle = itnStyle;
        }

        return request;
    }

    private static string[] ListFrom(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();

    private static async Task<string?> ReadOfferAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxOfferBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

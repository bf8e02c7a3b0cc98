using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Streaming.Server.Auth;
using Streaming.Sip;

namespace Streaming.Server.Sip;

/// <summary>Registration of the SIP ingress and its look-up API.</summary>
public static class SipEndpoints
{
    /// <summary>Binds <c>Sip</c> settings and registers the hosted SIP ingress (its settings are checked when it starts).</summary>
    public static IServiceCollection AddSip(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SipHostOptions.SectionName);
        services.AddOptions<SipHostOptions>().Bind(section);
        // The stack validates its own options when SipHost starts it, so a disabled ingress needs no peers.
        services.AddOptions<SipIngressOptions>().Bind(section);
        services.AddSingleton<ServerCallSessionFactory>();
        services.AddSingleton<SipHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SipHost>());
        return services;
    }

    /// <summary>
    /// Maps <c>GET /api/calls?key=K</c>: sessions of live calls whose Call-ID, From/To URI or correlation header
    /// (e.g. an agent id) is K, so a viewer can find the session to subscribe to.
    /// </summary>
    public static IEndpointRouteBuilder MapSipApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/calls", (string? key, SipHost sip) =>
        {
            if (sip.Ingress is null)
            {
                return Results.Problem("SIP ingress is not enabled on this server (Sip:Enabled).", statusCode: StatusCodes.Status404NotFound);
            }

            if (string.IsNullOrWhiteSpace(key))
            {
                return Results.Problem("Give the call to find as ?key=Call-ID, a From/To URI or the correlation header's value.", statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Ok(sip.Ingress.FindSessions(key).Select(c => new
            {
                c.SessionId,
                c.CallId,
                c.From,
                c.To,
                c.Correlation,
                c.Role,
                Codec = c.Codec.ToString(),
            }));
        }).RequireAuthorization(StreamingClaims.ClientPolicy);
        return app;
    }
}

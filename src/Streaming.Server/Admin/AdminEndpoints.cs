using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Streaming.Inference.Devices;
using Streaming.Server.Auth;
using Streaming.Server.Sessions;

namespace Streaming.Server.Admin;

/// <summary>The admin API under <c>/api/admin</c> (tokens with role admin).</summary>
public static class AdminEndpoints
{
    /// <summary>Maps the admin routes.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(StreamingClaims.AdminPolicy);
        admin.MapGet("/sessions", (SessionRegistry registry) => registry.Sessions
            .Select(s => new SessionSummary(s.Id, s.Owner, s.Plan.Language, s.Plan.Device, s.StartedAt, Math.Round(s.AudioSeconds, 3), s.SubscriberCount, s.Plan.Model))
            .OrderBy(s => s.StartedAt)
            .ToArray());
        admin.MapGet("/devices", (DeviceAdmin devices) => devices.GetDevices());
        admin.MapPost("/devices/release-cache", (DeviceAdmin devices) => devices.ReleaseCache());
        return app;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Streaming.Inference.Devices;
using Streaming.Server.Auth;

namespace Streaming.Server.Admin;

/// <summary><c>GET /api/devices</c>: the inference devices a client may ask for in <c>StartSession</c>.</summary>
public static class DeviceEndpoints
{
    /// <summary>Maps the route (client policy).</summary>
    public static IEndpointRouteBuilder MapDeviceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/devices", (DeviceAdmin devices) => devices.Backends
                .Select((b, i) => new DeviceChoice(b.Name, b.Kind.ToString().ToLowerInvariant(), b.Runtime, i == 0))
                .ToArray())
            .RequireAuthorization(StreamingClaims.ClientPolicy);
        return app;
    }
}

/// <summary>One row of <c>GET /api/devices</c>.</summary>
/// <param name="Name">What to pass as the session's <c>device</c>.</param>
/// <param name="Kind">cpu, cuda or npu.</param>
/// <param name="Runtime">What runs the graphs (the AscendCL simulator is named as such).</param>
/// <param name="Default">Whether sessions that name no device run here.</param>
public sealed record DeviceChoice(string Name, string Kind, string Runtime, bool Default);

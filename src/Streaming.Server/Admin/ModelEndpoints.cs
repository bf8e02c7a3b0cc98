using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Streaming.Asr.Catalog;
using Streaming.Pipeline.Models;
using Streaming.Server.Auth;
using Streaming.Server.Hosting;
using Streaming.Server.Sessions;

namespace Streaming.Server.Admin;

/// <summary>
/// <c>GET /api/models</c>: the recognisers a client may ask for in <c>StartSession</c> (with their languages, and
/// which is each language's default), every model of the manifest with its licence and source, whether its files
/// match the manifest's sha256, and the memory each loaded model takes.
/// </summary>
public static class ModelEndpoints
{
    /// <summary>Maps the route (client policy).</summary>
    public static IEndpointRouteBuilder MapModelApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", (EngineHost host, ModelFileChecks checks) =>
            {
                try
                {
                    var engine = host.Engine;
                    return Results.Ok(ModelListing.Build(checks.Manifest, checks.Matches, engine));
                }
                catch (SessionRefusedException ex)
                {
                    return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Models not loaded");
                }
            })
            .RequireAuthorization(StreamingClaims.ClientPolicy);
        return app;
    }
}

/// <summary>The manifest of the models folder the server loads from, with each entry's files hashed once per process.</summary>
/// <param name="manifest">The manifest.</param>
public sealed class ModelFileChecks(ModelManifest manifest)
{
    private readonly ConcurrentDictionary<string, Lazy<bool>> _matches = new();

    /// <summary>The manifest.</summary>
    public ModelManifest Manifest => manifest;

    /// <summary>Whether every file of <paramref name="entry"/> matches its sha256 (hashed on first request, then remembered).</summary>
    public bool? Matches(ModelManifestEntry entry) =>
        _matches.GetOrAdd(entry.Name, _ => new Lazy<bool>(() => manifest.Verify(entry).All(f => f.Matches))).Value;
}

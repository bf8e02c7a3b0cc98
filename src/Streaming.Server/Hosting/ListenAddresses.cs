using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Streaming.Server.Hosting;

/// <summary>
/// Where the server listens, following ASP.NET Core's conventions, first match wins:
/// <list type="number">
/// <item><c>Kestrel:Endpoints</c> (e.g. HTTPS with a certificate): Kestrel's own configuration;</item>
/// <item><c>urls</c>: <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>DOTNET_URLS</c> (semicolon-separated);</item>
/// <item><c>Server:Host</c> / <c>Server:Port</c>, the shorthand (whichever is unset takes its default);</item>
/// <item><c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c> (all interfaces; .NET container images set these);</item>
/// <item>the default, <c>http://0.0.0.0:7860</c>.</item>
/// </list>
/// </summary>
public static class ListenAddresses
{
    /// <summary>Interface of the default address and of <c>Server:Port</c> alone.</summary>
    public const string DefaultHost = "0.0.0.0";

    /// <summary>Port of the default address and of <c>Server:Host</c> alone.</summary>
    public const int DefaultPort = 7860;

    /// <summary>
    /// The address to give Kestrel, or null when one of ASP.NET Core's own settings (endpoints, urls, ports)
    /// applies and must not be overridden.
    /// </summary>
    public static string? Choose(IConfiguration configuration, ServerOptions server)
    {
        if (configuration.GetSection("Kestrel:Endpoints").GetChildren().Any()
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            return null;
        }

        if (server.Host is not null || server.Port is not null)
        {
            return $"http://{server.Host ?? DefaultHost}:{server.Port ?? DefaultPort}";
        }

        if (!string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            return null;
        }

        return $"http://{DefaultHost}:{DefaultPort}";
    }
}

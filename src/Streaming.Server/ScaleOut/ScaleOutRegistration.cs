using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Streaming.Server.ScaleOut;

/// <summary>Wires scale-out from configuration: Redis backplane and directory when a connection is set, else one node.</summary>
public static class ScaleOutRegistration
{
    /// <summary>Adds the session directory (and, with Redis, the SignalR backplane) to <paramref name="signalR"/>'s services.</summary>
    public static void AddScaleOut(this ISignalRServerBuilder signalR, ScaleOutOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Connection))
        {
            signalR.Services.AddSingleton<ISessionDirectory, SingleNodeDirectory>();
            return;
        }

        var connection = options.Connection;
        signalR.AddStackExchangeRedis(connection, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(options.Prefix));
        signalR.Services.AddSingleton(options);
        signalR.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(connection));
        signalR.Services.AddSingleton<ISessionDirectory, RedisSessionDirectory>();
    }
}

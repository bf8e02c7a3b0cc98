using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Streaming.Server.Hubs;
using Streaming.Server.Sessions;

namespace Streaming.Server.ScaleOut;

/// <summary>
/// Sessions announced in Redis: key <c>{prefix}:session:{id}</c> holds the owner while the session runs (with
/// an expiry in case its node dies), and the session's events are broadcast to its SignalR group.
/// </summary>
public sealed class RedisSessionDirectory(
    IConnectionMultiplexer redis, ScaleOutOptions options, IHubContext<TranscriptionHub> hub, ILogger<RedisSessionDirectory> logger) : ISessionDirectory
{
    // Longer than any live session; only reached when a node died without removing its keys.
    private static readonly TimeSpan Expiry = TimeSpan.FromHours(12);

    /// <inheritdoc />
    public void Announce(LiveSession session)
    {
        var key = Key(session.Id);
        redis.GetDatabase().StringSet(key, session.Owner, Expiry);
        session.Subscribe(new GroupBroadcastSink(hub, session.Id));
        _ = ForgetWhenDoneAsync(session, key);
    }

    /// <inheritdoc />
    public async Task<string?> OwnerOfAsync(string sessionId)
    {
        var owner = await redis.GetDatabase().StringGetAsync(Key(sessionId)).ConfigureAwait(false);
        return owner.HasValue ? owner.ToString() : null;
    }

    private async Task ForgetWhenDoneAsync(LiveSession session, RedisKey key)
    {
        await session.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(key).ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not remove session {Session} from Redis; its key expires on its own", session.Id);
        }
    }

    private string Key(string sessionId) => $"{options.Prefix}:session:{sessionId}";
}

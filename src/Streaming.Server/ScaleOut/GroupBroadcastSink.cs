using Microsoft.AspNetCore.SignalR;
using Streaming.Server.Hubs;
using Streaming.Server.Sessions;

namespace Streaming.Server.ScaleOut;

/// <summary>
/// Sends a session's events to its SignalR group; through the Redis backplane they reach viewers that
/// subscribed on other nodes. It is one more subscriber of the session, with the same bounded queue.
/// </summary>
public sealed class GroupBroadcastSink(IHubContext<TranscriptionHub> hub, string sessionId) : ISessionEventSink
{
    /// <inheritdoc />
    public string ConnectionId => SessionGroups.For(sessionId);

    /// <inheritdoc />
    public Task SendAsync(OutgoingEvent item, CancellationToken cancellationToken) =>
        hub.Clients.Group(SessionGroups.For(sessionId)).SendAsync(item.Method, item.Payload, cancellationToken);

    /// <inheritdoc />
    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using Microsoft.AspNetCore.SignalR;
using Streaming.Server.Sessions;

namespace Streaming.Server.Hubs;

/// <summary>Delivers a session's events to one SignalR connection.</summary>
public sealed class HubConnectionSink(IHubContext<TranscriptionHub> hub, string connectionId) : ISessionEventSink
{
    /// <inheritdoc />
    public string ConnectionId => connectionId;

    /// <inheritdoc />
    public Task SendAsync(OutgoingEvent item, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).SendAsync(item.Method, item.Payload, cancellationToken);

    /// <inheritdoc />
    public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

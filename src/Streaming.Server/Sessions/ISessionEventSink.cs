namespace Streaming.Server.Sessions;

/// <summary>Where one subscriber's events go: a SignalR connection or a FunASR WebSocket.</summary>
public interface ISessionEventSink
{
    /// <summary>Connection id of the subscriber, unique per connection.</summary>
    string ConnectionId { get; }

    /// <summary>Delivers one event; throws if the connection is gone.</summary>
    Task SendAsync(OutgoingEvent item, CancellationToken cancellationToken);

    /// <summary>Called once after the session's last event was delivered to this sink.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

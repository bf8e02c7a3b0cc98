namespace Streaming.Server.Sessions;

/// <summary>An event on its way to one subscriber: the hub method name and its payload.</summary>
/// <param name="Method">Event name from <see cref="Protocol.HubNames"/>.</param>
/// <param name="Payload">The protocol object.</param>
public sealed record OutgoingEvent(string Method, object Payload)
{
    /// <summary>Partials may be dropped for slow viewers; everything else must arrive.</summary>
    public bool IsDroppable => Method == Protocol.HubNames.Partial;
}

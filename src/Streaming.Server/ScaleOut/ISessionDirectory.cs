using Streaming.Server.Sessions;

namespace Streaming.Server.ScaleOut;

/// <summary>Where sessions are known across nodes: who owns them, and how viewers on other nodes reach them.</summary>
public interface ISessionDirectory
{
    /// <summary>Announces a session started on this node until it completes.</summary>
    void Announce(LiveSession session);

    /// <summary>The owner of a session running on some node, or null when no node runs it.</summary>
    Task<string?> OwnerOfAsync(string sessionId);
}

using Streaming.Server.Sessions;

namespace Streaming.Server.ScaleOut;

/// <summary>One node: every session is local, so there is nothing to announce and nothing remote to find.</summary>
public sealed class SingleNodeDirectory : ISessionDirectory
{
    /// <inheritdoc />
    public void Announce(LiveSession session)
    {
    }

    /// <inheritdoc />
    public Task<string?> OwnerOfAsync(string sessionId) => Task.FromResult<string?>(null);
}

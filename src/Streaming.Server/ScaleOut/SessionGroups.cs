namespace Streaming.Server.ScaleOut;

/// <summary>Names of the SignalR groups through which viewers on other nodes receive a session's events.</summary>
public static class SessionGroups
{
    /// <summary>The group of <paramref name="sessionId"/>.</summary>
    public static string For(string sessionId) => $"session:{sessionId}";
}

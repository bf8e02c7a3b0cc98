namespace Streaming.LoadTests.Soak;

/// <summary>
/// The server's own account of memory per session (<c>streaming_session_state_bytes</c> and
/// <c>streaming_sessions_by_state</c>): the bytes of VAD and recogniser state its sessions hold, by state.
/// </summary>
/// <param name="IdleSessions">Sessions between speech segments.</param>
/// <param name="IdleMb">State held by the idle sessions, MiB.</param>
/// <param name="ActiveSessions">Sessions inside a speech segment.</param>
/// <param name="ActiveMb">State held by the active sessions, MiB.</param>
public sealed record SessionStateReading(int IdleSessions, double IdleMb, int ActiveSessions, double ActiveMb)
{
    /// <summary>State per idle session, MiB; null without idle sessions.</summary>
    public double? PerIdleMb => IdleSessions > 0 ? IdleMb / IdleSessions : null;

    /// <summary>State per active session, MiB; null without active sessions.</summary>
    public double? PerActiveMb => ActiveSessions > 0 ? ActiveMb / ActiveSessions : null;

    /// <summary>State per session of either kind, MiB; null without sessions.</summary>
    public double? PerSessionMb => IdleSessions + ActiveSessions > 0 ? (IdleMb + ActiveMb) / (IdleSessions + ActiveSessions) : null;
}

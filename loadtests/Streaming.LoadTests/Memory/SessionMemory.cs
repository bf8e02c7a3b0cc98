namespace Streaming.LoadTests.Memory;

/// <summary>
/// What sessions cost the server in memory: its resident set and managed heap with none, with
/// <paramref name="Sessions"/> idle ones and with as many active ones, each the peak sampled while they ran.
/// </summary>
/// <param name="Sessions">Sessions held in each state.</param>
/// <param name="Baseline">The server with no session of the probe's (after any warm-up).</param>
/// <param name="Idle">Peak with the idle sessions (open, streaming silence: VAD runs, nothing is recognised).</param>
/// <param name="Active">Peak with the active sessions (streaming speech: recognition runs).</param>
public sealed record SessionMemory(int Sessions, MemoryReading Baseline, MemoryReading Idle, MemoryReading Active)
{
    /// <summary>Resident memory one idle session adds, MiB.</summary>
    public double RssPerIdleMb => (Idle.RssMb - Baseline.RssMb) / Sessions;

    /// <summary>Resident memory one active session adds, MiB (over the baseline, not over idle sessions).</summary>
    public double RssPerActiveMb => (Active.RssMb - Baseline.RssMb) / Sessions;

    /// <summary>Managed heap one idle session adds, MiB.</summary>
    public double GcHeapPerIdleMb => (Idle.GcHeapMb - Baseline.GcHeapMb) / Sessions;

    /// <summary>Managed heap one active session adds, MiB.</summary>
    public double GcHeapPerActiveMb => (Active.GcHeapMb - Baseline.GcHeapMb) / Sessions;

    /// <summary>The server's own figure per idle session (state it holds), MiB; null when the server does not export it.</summary>
    public double? ServerPerIdleMb => Idle.StatePerSessionMb;

    /// <summary>The server's own figure per active (speaking) session, MiB; null when the server does not export it.</summary>
    public double? ServerPerActiveMb => Active.StatePerSessionMb;
}

/// <summary>Server memory at one point of the probe.</summary>
/// <param name="RssMb">Resident set size, MiB.</param>
/// <param name="GcHeapMb">Managed heap, MiB.</param>
/// <param name="StatePerSessionMb">
/// The server's session-state gauge per session of the state measured (<see cref="Soak.SessionStateReading"/>), MiB;
/// null for the baseline or a server without the gauge.
/// </param>
public sealed record MemoryReading(double RssMb, double GcHeapMb, double? StatePerSessionMb = null);

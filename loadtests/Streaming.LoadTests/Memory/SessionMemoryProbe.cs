using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Soak;

namespace Streaming.LoadTests.Memory;

/// <summary>
/// Measures memory per idle and per active session from the server's <c>/metrics</c> gauges: samples the server
/// with no session, then holds <c>n</c> idle sessions, then <c>n</c> active ones, each for <paramref name="hold"/>,
/// sampling every <paramref name="interval"/> and keeping each state's peak. Resident memory seldom falls back
/// (allocators keep freed pages), so idle runs before active, and both are measured against the first reading.
/// Beside these process-wide deltas it keeps the peak of the server's own per-session figure
/// (<see cref="SessionStateReading"/>): per idle session while idle ones are held, per speaking session while
/// active ones are.
/// </summary>
public sealed class SessionMemoryProbe(LoadRunner runner, ServerProbe probe, TimeSpan hold, TimeSpan interval)
{
    /// <summary>Runs the probe with <paramref name="sessions"/> sessions per state.</summary>
    public async Task<SessionMemory> RunAsync(
        Func<ScenarioContext, Task<SessionOutcome>> idleSession,
        Func<ScenarioContext, Task<SessionOutcome>> activeSession,
        int sessions,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        if (sessions < 1 || hold <= TimeSpan.Zero || interval <= TimeSpan.Zero)
        {
            throw new ArgumentException("The memory probe needs at least one session and positive hold and sampling times.");
        }

        var baseline = Reading(await probe.SampleAsync(0, cancellationToken));
        var idle = await HoldAsync("memory_idle", idleSession, sessions, s => s.PerIdleMb, cancellationToken);
        var active = await HoldAsync("memory_active", activeSession, sessions, s => s.PerActiveMb, cancellationToken);
        var memory = new SessionMemory(sessions, baseline, idle, active);
        progress?.Report($"memory: {Describe(memory)}");
        return memory;
    }

    /// <summary>A one-line summary of <paramref name="memory"/>.</summary>
    public static string Describe(SessionMemory memory) =>
        $"per idle session {memory.RssPerIdleMb:F1} MiB resident ({memory.GcHeapPerIdleMb:F2} MiB managed, {Server(memory.ServerPerIdleMb)}), " +
        $"per active session {memory.RssPerActiveMb:F1} MiB resident ({memory.GcHeapPerActiveMb:F2} MiB managed, {Server(memory.ServerPerActiveMb)}); " +
        $"{memory.Sessions} sessions per state, RSS {memory.Baseline.RssMb:F0} -> {memory.Idle.RssMb:F0} (idle) -> {memory.Active.RssMb:F0} MiB (active)";

    private static string Server(double? mb) => mb is { } value ? $"server state {value:F2} MiB" : "server state not exported";

    private async Task<MemoryReading> HoldAsync(
        string name,
        Func<ScenarioContext, Task<SessionOutcome>> session,
        int sessions,
        Func<SessionStateReading, double?> perSession,
        CancellationToken cancellationToken)
    {
        var scenario = Scenario.Create(name, session).WithLoadSimulations(LoadSimulation.KeepConstant(sessions, hold));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampling = PeakAsync(perSession, stop.Token);
        await runner.RunAsync(scenario, null, cancellationToken);
        await stop.CancelAsync();
        return await sampling;
    }

    private async Task<MemoryReading> PeakAsync(Func<SessionStateReading, double?> perSession, CancellationToken cancellationToken)
    {
        var peak = new MemoryReading(0, 0);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var sample = await probe.SampleAsync(0, cancellationToken);
                var state = sample.SessionState is { } reading ? perSession(reading) : null;
                peak = new MemoryReading(
                    Math.Max(peak.RssMb, sample.RssMb),
                    Math.Max(peak.GcHeapMb, sample.GcHeapMb),
                    state is { } value ? Math.Max(peak.StatePerSessionMb ?? 0, value) : peak.StatePerSessionMb);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return peak;
    }

    private static MemoryReading Reading(ServerSample sample) => new(sample.RssMb, sample.GcHeapMb);
}

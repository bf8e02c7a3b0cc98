using System.Diagnostics;
using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Soak;

/// <summary>
/// Holds a constant load for a while and samples the server process meanwhile; memory must not grow faster
/// than the allowed slopes once warm-up is over: RSS and GC heap, and the server's own state per session.
/// </summary>
/// <param name="Runner">Runs the load.</param>
/// <param name="Probe">Samples the server.</param>
/// <param name="Interval">Time between samples.</param>
/// <param name="WarmUp">Samples before this are shown but not judged.</param>
/// <param name="MaxSlopeMbPerMinute">Allowed RSS and GC-heap growth.</param>
/// <param name="MaxSessionSlopeKbPerMinute">Allowed growth of the state per session (<see cref="SessionStateReading.PerSessionMb"/>).</param>
public sealed record SoakRun(
    LoadRunner Runner, ServerProbe Probe, TimeSpan Interval, TimeSpan WarmUp, double MaxSlopeMbPerMinute, double MaxSessionSlopeKbPerMinute)
{
    /// <summary>Runs <paramref name="sessions"/> sessions for <paramref name="duration"/> (after a ramp of <paramref name="ramp"/>).</summary>
    public async Task<SoakResult> RunAsync(
        Func<ScenarioContext, Task<SessionOutcome>> session,
        int sessions,
        TimeSpan ramp,
        TimeSpan duration,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        if (duration <= WarmUp)
        {
            throw new ArgumentException($"The soak ({duration.TotalSeconds:F0} s) must last longer than its warm-up ({WarmUp.TotalSeconds:F0} s).");
        }

        var scenario = Scenario.Create($"soak_{sessions}", session)
            .WithLoadSimulations(LoadSimulation.RampingConstant(sessions, ramp), LoadSimulation.KeepConstant(sessions, duration));
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var sampling = SampleAsync(clock, progress, stopSampling.Token);
        var run = await Runner.RunAsync(scenario, progress, cancellationToken);
        await stopSampling.CancelAsync();
        var samples = await sampling;

        var judged = samples.Where(s => s.Seconds >= WarmUp.TotalSeconds).ToArray();
        var minutes = judged.Select(s => s.Seconds / 60).ToArray();
        return new SoakResult(
            sessions,
            WarmUp.TotalSeconds,
            LinearTrend.Slope(minutes, judged.Select(s => s.RssMb).ToArray()),
            LinearTrend.Slope(minutes, judged.Select(s => s.GcHeapMb).ToArray()),
            MaxSlopeMbPerMinute,
            SessionSlopeKb(judged),
            MaxSessionSlopeKbPerMinute,
            samples,
            run);
    }

    // Only samples with sessions have a figure per session; a server without the gauges has none at all.
    private static double? SessionSlopeKb(IReadOnlyList<ServerSample> judged)
    {
        var withSessions = judged.Where(s => s.SessionState?.PerSessionMb is not null).ToArray();
        return withSessions.Length == 0
            ? null
            : LinearTrend.Slope(withSessions.Select(s => s.Seconds / 60).ToArray(), withSessions.Select(s => s.SessionState!.PerSessionMb!.Value * 1024).ToArray());
    }

    private async Task<List<ServerSample>> SampleAsync(Stopwatch clock, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var samples = new List<ServerSample>();
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var sample = await Probe.SampleAsync(clock.Elapsed.TotalSeconds, cancellationToken);
                samples.Add(sample);
                var perSession = sample.SessionState?.PerSessionMb is { } mb ? $", state {mb * 1024:F0} KiB per session" : "";
                progress?.Report($"t={sample.Seconds:F0}s RSS {sample.RssMb:F1} MiB, GC heap {sample.GcHeapMb:F1} MiB, {sample.Threads} threads, {sample.Handles} handles{perSession}");
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return samples;
    }
}

using System.Diagnostics;

namespace Streaming.LoadTests.Framework;

/// <summary>
/// Runs a scenario through its phases (NBomber's <c>NBomberRunner</c>): keeps the number of copies that the
/// current load simulation asks for, injects sessions for open-model phases, and collects step stats per phase.
/// A session counts in the phase in which it ends, as NBomber records a step when its response arrives; after the
/// last phase the runner waits for the sessions in flight, and they count in the last phase. A copy whose
/// session failed waits before its next one, doubling the wait on each failure in a row (from
/// <see cref="FirstBackoff"/> up to <see cref="MaxBackoff"/>), so a failing server is not hammered by copies spinning.
/// </summary>
public sealed class LoadRunner(TimeSpan? tick = null)
{
    /// <summary>A copy's wait after its first failed session in a row.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between a copy's failed sessions.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly TimeSpan tick = tick ?? TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="scenario"/>; <paramref name="progress"/> gets a line per phase.</summary>
    public async Task<ScenarioResult> RunAsync(Scenario scenario, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (scenario.Simulations.Count == 0)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has no load simulations.");
        }

        foreach (var simulation in scenario.Simulations)
        {
            simulation.Validate();
        }

        var run = new Run(scenario, cancellationToken);
        var clock = Stopwatch.StartNew();
        var level = 0;
        for (var phase = 0; phase < scenario.Simulations.Count; phase++)
        {
            var simulation = scenario.Simulations[phase];
            progress?.Report($"{scenario.Name}: phase {phase + 1}/{scenario.Simulations.Count} {simulation.Describe()}");
            run.Phase = phase;
            level = await RunPhaseAsync(run, simulation, level, cancellationToken);
        }

        await run.DrainAsync();
        cancellationToken.ThrowIfCancellationRequested();
        var phases = scenario.Simulations.Select((s, i) => run.Stats[i].ToResult(i, s)).ToArray();
        return new ScenarioResult(scenario.Name, phases, clock.Elapsed);
    }

    private async Task<int> RunPhaseAsync(Run run, LoadSimulation simulation, int startLevel, CancellationToken cancellationToken)
    {
        var phaseClock = Stopwatch.StartNew();
        var nextInjection = TimeSpan.Zero;
        while (phaseClock.Elapsed < simulation.During && !cancellationToken.IsCancellationRequested)
        {
            var elapsed = phaseClock.Elapsed;
            switch (simulation)
            {
                case RampingConstantSimulation ramp:
                    var fraction = elapsed / ramp.During;
                    run.SetCopies((int)Math.Round(startLevel + ((ramp.Copies - startLevel) * fraction)));
                    break;
                case KeepConstantSimulation keep:
                    run.SetCopies(keep.Copies);
                    break;
                case InjectSimulation inject:
                    run.SetCopies(0);
                    nextInjection = InjectDue(run, inject, nextInjection, elapsed + TimeSpan.FromTicks(1));
                    break;
            }

            run.SampleConcurrency();
            var remaining = simulation.During - phaseClock.Elapsed;
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining < tick ? remaining : tick, CancellationToken.None);
            }
        }

        // A late wake-up (a busy machine) may have ended the phase with ticks still due: an open model injects them
        // all, so the phase carries the load it was asked for.
        if (simulation is InjectSimulation open && !cancellationToken.IsCancellationRequested)
        {
            InjectDue(run, open, nextInjection, open.During);
        }

        return simulation is InjectSimulation ? 0 : simulation.TargetLoad;
    }

    // Injects every tick scheduled before until; returns the time of the next one.
    private static TimeSpan InjectDue(Run run, InjectSimulation inject, TimeSpan next, TimeSpan until)
    {
        for (; next < until; next += inject.Interval)
        {
            for (var i = 0; i < inject.Rate; i++)
            {
                run.Inject();
            }
        }

        return next;
    }

    /// <summary>The mutable state of one run: copies, injected sessions, counters.</summary>
    private sealed class Run(Scenario scenario, CancellationToken cancellationToken)
    {
        private readonly List<Copy> copies = [];
        private readonly List<Task> stopped = [];
        private readonly List<Task> injected = [];
        private long invocations;
        private int inFlight;
        private int phase;

        public PhaseStats[] Stats { get; } = scenario.Simulations.Select(_ => new PhaseStats()).ToArray();

        // Read by copy threads when they start a session.
        public int Phase
        {
            get => Volatile.Read(ref phase);
            set => Volatile.Write(ref phase, value);
        }

        public void SetCopies(int target)
        {
            while (copies.Count < target)
            {
                var copy = new Copy();
                copy.Task = Task.Run(() => CopyLoopAsync(copy));
                copies.Add(copy);
            }

            // Stopped copies finish the session they are in: a live stream is never cut short.
            while (copies.Count > target)
            {
                copies[^1].Stop();
                stopped.Add(copies[^1].Task);
                copies.RemoveAt(copies.Count - 1);
            }
        }

        public void Inject() => injected.Add(Task.Run(RunSessionAsync));

        public void SampleConcurrency() => Stats[Phase].SampleConcurrency(Volatile.Read(ref inFlight));

        public async Task DrainAsync()
        {
            SetCopies(0);
            await Task.WhenAll(stopped.Concat(injected));
        }

        private async Task CopyLoopAsync(Copy copy)
        {
            var backoff = TimeSpan.Zero;
            while (!copy.Stopped && !cancellationToken.IsCancellationRequested)
            {
                backoff = await RunSessionAsync() ? NextBackoff(backoff) : TimeSpan.Zero;
                if (backoff > TimeSpan.Zero && !copy.Stopped)
                {
                    try
                    {
                        await Task.Delay(backoff, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        private static TimeSpan NextBackoff(TimeSpan previous) =>
            previous == TimeSpan.Zero ? FirstBackoff : TimeSpan.FromTicks(Math.Min(previous.Ticks * 2, MaxBackoff.Ticks));

        // Returns whether the session failed.
        private async Task<bool> RunSessionAsync()
        {
            var context = new ScenarioContext(scenario.Name, Interlocked.Increment(ref invocations) - 1, Phase, cancellationToken);
            Interlocked.Increment(ref inFlight);
            SessionOutcome outcome;
            try
            {
                outcome = await scenario.Run(context);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcome = SessionOutcome.Failed($"{ex.GetType().Name}: {ex.Message}");
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }

            Stats[Phase].Add(outcome);
            return outcome.Error is not null;
        }
    }

    /// <summary>One closed-model copy: a loop of sessions until it is stopped.</summary>
    private sealed class Copy
    {
        private volatile bool stopped;

        public Task Task { get; set; } = Task.CompletedTask;

        public bool Stopped => stopped;

        public void Stop() => stopped = true;
    }
}

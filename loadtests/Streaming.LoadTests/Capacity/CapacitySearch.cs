using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Capacity;

/// <summary>
/// Finds the largest sustainable number of concurrent sessions: doubles the level until one fails (or the
/// ceiling is reached), then bisects between the last pass and the first failure. Each level runs a ramp
/// then a steady phase; only the steady phase is judged.
/// </summary>
public sealed class CapacitySearch(LoadRunner runner, CapacityCriteria criteria, TimeSpan ramp, TimeSpan steady, int maxSessions)
{
    /// <summary>Searches with sessions created by <paramref name="session"/>.</summary>
    public async Task<CapacityResult> RunAsync(
        Func<ScenarioContext, Task<SessionOutcome>> session, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (maxSessions < 1)
        {
            throw new ArgumentException("The capacity ceiling must be at least one session.");
        }

        var steps = new List<CapacityStep>();
        var passed = 0;
        int? failed = null;
        for (var level = 1; failed is null && passed < maxSessions; level = Math.Min(level * 2, maxSessions))
        {
            var step = await TryAsync(level, session, progress, cancellationToken);
            steps.Add(step);
            if (step.Passed)
            {
                passed = level;
            }
            else
            {
                failed = level;
            }
        }

        while (failed is { } upper && upper - passed > 1)
        {
            var mid = passed + ((upper - passed) / 2);
            var step = await TryAsync(mid, session, progress, cancellationToken);
            steps.Add(step);
            (passed, failed) = step.Passed ? (mid, failed) : (passed, mid);
        }

        return new CapacityResult(passed, criteria.P95LimitMs, steps);
    }

    private async Task<CapacityStep> TryAsync(
        int sessions, Func<ScenarioContext, Task<SessionOutcome>> session, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var scenario = Scenario.Create($"capacity_{sessions}", session)
            .WithLoadSimulations(LoadSimulation.RampingConstant(sessions, ramp), LoadSimulation.KeepConstant(sessions, steady));
        var run = await runner.RunAsync(scenario, progress, cancellationToken);
        var failure = criteria.Failure(run.Steady);
        var interval = run.Steady.PartialInterval;
        progress?.Report($"{sessions} sessions: {failure ?? $"pass (p95 partial {run.Steady.Partial.P95:F0} ms)"}; partial every {interval.P50:F0} ms of audio (p95 {interval.P95:F0})");
        return new CapacityStep(sessions, failure, run);
    }
}

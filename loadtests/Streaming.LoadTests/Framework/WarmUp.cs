using System.Globalization;

namespace Streaming.LoadTests.Framework;

/// <summary>
/// A load run before the measured ones whose figures never enter a verdict: a cold server spends its first
/// sessions on JIT compilation and on growing ONNX Runtime's arenas, which is not what a capacity or soak
/// measures (a cold server failed 1 session where a warm one passed 8 in the same hour).
/// </summary>
/// <param name="Sessions">Concurrent sessions during the warm-up.</param>
/// <param name="Duration">How long they run.</param>
public sealed record WarmUp(int Sessions, TimeSpan Duration)
{
    /// <summary>Whether there is a warm-up at all (a zero duration turns it off).</summary>
    public bool Enabled => Duration > TimeSpan.Zero;

    /// <summary>Runs the warm-up (nothing when disabled); its result is for the report only.</summary>
    public async Task<ScenarioResult?> RunAsync(
        LoadRunner runner, Func<ScenarioContext, Task<SessionOutcome>> session, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (Duration < TimeSpan.Zero || Sessions < 1)
        {
            throw new ArgumentException("The warm-up needs at least one session and a duration of zero (none) or more seconds.");
        }

        if (!Enabled)
        {
            return null;
        }

        var scenario = Scenario.Create("warm_up", session).WithLoadSimulations(LoadSimulation.KeepConstant(Sessions, Duration));
        var result = await runner.RunAsync(scenario, progress, cancellationToken);
        progress?.Report($"warm-up done (not judged): {Describe(result)}");
        return result;
    }

    /// <summary>A report line for a warm-up's <paramref name="result"/> (null: none ran).</summary>
    public string Describe(ScenarioResult? result)
    {
        if (result is null)
        {
            return "none";
        }

        var phase = result.Steady;
        var seconds = Duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        return $"{Sessions} sessions for {seconds} s, not judged: {phase.Sessions} sessions ended, {phase.Failed} failed, " +
            $"p95 partial {phase.Partial.P95.ToString("F0", CultureInfo.InvariantCulture)} ms";
    }
}

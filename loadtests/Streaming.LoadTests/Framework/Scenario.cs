namespace Streaming.LoadTests.Framework;

/// <summary>
/// A named unit of load, as NBomber's <c>ScenarioProps</c>: the work one session does (run by copies or
/// injections) and the phases (load simulations) it runs through in order.
/// </summary>
public sealed record Scenario(string Name, Func<ScenarioContext, Task<SessionOutcome>> Run, IReadOnlyList<LoadSimulation> Simulations)
{
    /// <summary>A scenario without phases yet; add them with <see cref="WithLoadSimulations"/>.</summary>
    public static Scenario Create(string name, Func<ScenarioContext, Task<SessionOutcome>> run) => new(name, run, []);

    /// <summary>This scenario with its phases replaced.</summary>
    public Scenario WithLoadSimulations(params LoadSimulation[] simulations) => this with { Simulations = simulations };
}

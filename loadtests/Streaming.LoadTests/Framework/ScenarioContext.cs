namespace Streaming.LoadTests.Framework;

/// <summary>What one session invocation knows about itself (NBomber's <c>IScenarioContext</c>).</summary>
/// <param name="ScenarioName">The scenario being run.</param>
/// <param name="InvocationNumber">0-based count of sessions started in this run, across copies.</param>
/// <param name="Phase">0-based index of the load simulation during which the session started.</param>
/// <param name="CancellationToken">Signalled when the run is aborted.</param>
public sealed record ScenarioContext(string ScenarioName, long InvocationNumber, int Phase, CancellationToken CancellationToken);

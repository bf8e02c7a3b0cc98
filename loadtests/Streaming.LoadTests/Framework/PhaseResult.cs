namespace Streaming.LoadTests.Framework;

/// <summary>The figures of one phase of a scenario run: load, sessions, failures and latency percentiles.</summary>
/// <param name="Index">0-based phase number.</param>
/// <param name="Simulation">The load simulation, e.g. <c>keep_constant(8, 30s)</c>.</param>
/// <param name="TargetLoad">Copies (closed models) or sessions per interval (inject).</param>
/// <param name="PeakConcurrency">Most sessions in flight at once.</param>
/// <param name="MeanConcurrency">Mean sessions in flight.</param>
/// <param name="Sessions">Sessions that ended in this phase.</param>
/// <param name="Failed">Sessions that ended with an error.</param>
/// <param name="Dropped">Expected messages that never arrived (e.g. a segment without its final).</param>
/// <param name="Messages">Server messages received.</param>
/// <param name="Errors">Error messages and how often each occurred.</param>
/// <param name="FirstPartial">First partial of a segment, from speech onset.</param>
/// <param name="Partial">Every partial, from the audio time it covers to its arrival.</param>
/// <param name="Final">Final of a segment, from its end of speech.</param>
public sealed record PhaseResult(
    int Index,
    string Simulation,
    int TargetLoad,
    int PeakConcurrency,
    double MeanConcurrency,
    int Sessions,
    int Failed,
    int Dropped,
    int Messages,
    IReadOnlyDictionary<string, int> Errors,
    LatencySummary FirstPartial,
    LatencySummary Partial,
    LatencySummary Final)
{
    /// <summary>The received finals against the clips' references (sessions without error, clips with one); null when none was scored.</summary>
    public TranscriptAccuracy? Accuracy { get; init; }

    /// <summary>Audio (ms) between consecutive partials of a segment: fewer partials show here, not in the latency.</summary>
    public LatencySummary PartialInterval { get; init; } = LatencySummary.Empty;
}

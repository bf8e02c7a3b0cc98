namespace Streaming.LoadTests.Framework;

/// <summary>
/// How well the finals a run received match the clips' reference transcripts: edit errors over reference units,
/// characters for Mandarin (CER) and words otherwise (WER), summed over the sessions that ended without error.
/// </summary>
/// <param name="Metric"><c>CER</c> or <c>WER</c>.</param>
/// <param name="Errors">Substitutions, deletions and insertions.</param>
/// <param name="ReferenceUnits">Characters or words of the references scored.</param>
/// <param name="Sessions">Sessions scored.</param>
public sealed record TranscriptAccuracy(string Metric, int Errors, int ReferenceUnits, int Sessions)
{
    /// <summary>Errors per reference unit.</summary>
    public double Rate => ReferenceUnits == 0 ? 0 : (double)Errors / ReferenceUnits;

    /// <summary>The two summed (both must use the same metric).</summary>
    public TranscriptAccuracy Add(TranscriptAccuracy other) =>
        other.Metric == Metric
            ? new(Metric, Errors + other.Errors, ReferenceUnits + other.ReferenceUnits, Sessions + other.Sessions)
            : throw new ArgumentException($"Cannot add {other.Metric} to {Metric}.", nameof(other));

    /// <summary>e.g. <c>CER 19.4 % (57 sessions)</c>.</summary>
    public override string ToString() => $"{Metric} {Rate * 100:F1} % ({Sessions} sessions)";
}

using Streaming.Asr.Evaluation;
using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// Scores a session's finals against its clip's reference with the evaluation code of <c>streaming eval</c>:
/// character error rate for Mandarin (<c>zh</c>), word error rate for every other language.
/// </summary>
public static class TranscriptScorer
{
    /// <summary>The metric a session language is scored with.</summary>
    public static string MetricFor(string language) =>
        string.Equals(language, "zh", StringComparison.OrdinalIgnoreCase) ? "CER" : "WER";

    /// <summary>The errors of <paramref name="hypothesis"/> against <paramref name="reference"/>, one session's worth.</summary>
    public static TranscriptAccuracy Score(string language, string reference, string hypothesis)
    {
        var metric = MetricFor(language);
        var (expected, received) = metric == "CER"
            ? (CharacterErrorRate.Normalise(reference), CharacterErrorRate.Normalise(hypothesis))
            : (WordErrorRate.Normalise(reference), WordErrorRate.Normalise(hypothesis));
        return new TranscriptAccuracy(metric, WordErrorRate.Errors(expected, received), expected.Length, 1);
    }
}

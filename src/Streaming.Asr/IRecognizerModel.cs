namespace Streaming.Asr;

/// <summary>A loaded recognition model shared by all sessions (thread-safe); creates per-segment streams.</summary>
public interface IRecognizerModel : IDisposable
{
    /// <summary>Human-readable model name (kind and directory), for logs and the CLI.</summary>
    string Name { get; }

    /// <summary>Creates an independent decoding stream; one per session.</summary>
    IRecognitionStream CreateStream();

    /// <summary>
    /// Creates a stream whose decoding favours <paramref name="hotwords"/> (an empty list is the same as
    /// <see cref="CreateStream()"/>). Models that cannot bias refuse a non-empty list.
    /// </summary>
    /// <exception cref="Hotwords.HotwordException">A phrase cannot be spelled in the model's tokens.</exception>
    IRecognitionStream CreateStream(IReadOnlyList<Hotwords.Hotword> hotwords) => hotwords.Count == 0
        ? CreateStream()
        : throw new NotSupportedException($"Model {Name} does not support hotwords.");

    /// <summary>
    /// Creates a stream biased towards <paramref name="hotwords"/> that also spots <paramref name="keywords"/>,
    /// reporting them in <see cref="RecognitionResult.KeywordHits"/>. Models that cannot spot refuse a non-empty list.
    /// </summary>
    /// <exception cref="Keywords.KeywordException">A keyword cannot be spelled in the model's tokens.</exception>
    IRecognitionStream CreateStream(IReadOnlyList<Hotwords.Hotword> hotwords, IReadOnlyList<Keywords.Keyword> keywords) => keywords.Count == 0
        ? CreateStream(hotwords)
        : throw new NotSupportedException($"Model {Name} does not support keyword spotting.");
}

namespace Streaming.Asr;

/// <summary>A recognition hypothesis: the text and the tokens it was built from.</summary>
/// <param name="Text">Detokenised text, trimmed.</param>
/// <param name="Tokens">
/// Tokens in order; their texts concatenate (then trimmed) to <paramref name="Text"/>, except for pinyin models,
/// whose tokens stay pinyin while the text is Chinese characters.
/// </param>
public sealed record RecognitionResult(string Text, IReadOnlyList<RecognizedToken> Tokens)
{
    /// <summary>The empty hypothesis.</summary>
    public static RecognitionResult Empty { get; } = new(string.Empty, []);

    /// <summary>
    /// How many leading <see cref="Tokens"/> are stable: later partials of the same segment keep them unchanged.
    /// For a final result every token counts as stable.
    /// </summary>
    public int StableTokenCount { get; init; }

    /// <summary>
    /// How many leading characters of <see cref="Text"/> later partials of the same segment keep unchanged (the
    /// final, which replaces them, may choose other characters), where the recogniser commits text apart from tokens (pinyin models, whose characters are chosen
    /// from the syllables); 0 when it does not say.
    /// </summary>
    public int StableTextLength { get; init; }

    /// <summary>
    /// Seconds of the segment the decoder has consumed, when it lags the audio received (a streaming encoder
    /// waits for its lookahead frames); null when it has seen all of it. Trailing silence is measured up to here.
    /// </summary>
    public double? DecodedSeconds { get; init; }

    /// <summary>
    /// Keywords spotted since the previous partial or final of this stream (each hit is reported once), with times
    /// from the segment start.
    /// </summary>
    public IReadOnlyList<Keywords.KeywordHit> KeywordHits { get; init; } = [];
}

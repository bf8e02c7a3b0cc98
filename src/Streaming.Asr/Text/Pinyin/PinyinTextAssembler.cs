namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Text of a pinyin vocabulary (tokens are initials and toned finals): tokens → syllables
/// (<see cref="PinyinSyllableAssembler"/>) → Chinese characters through a pool of libpinyin converters.
/// </summary>
public sealed class PinyinTextAssembler : ITextAssembler, IDisposable
{
    private readonly PinyinConverterPool _pool;

    /// <summary>Starts libpinyin; throws <see cref="LibPinyinUnavailableException"/> when it is missing.</summary>
    public PinyinTextAssembler(PinyinConverterOptions? options = null) => _pool = new PinyinConverterPool(options);

    /// <summary>
    /// Whether a vocabulary's tokens are pinyin: it has the retroflex initials and most of its text symbols are
    /// initials or finals (the rest being spelled letters and disambiguation symbols).
    /// </summary>
    public static bool IsPinyinVocabulary(TokenTable tokens)
    {
        var symbols = tokens.Pieces().Select(p => p.Key).Where(s => !s.StartsWith('#')).ToList();
        var pinyin = symbols.Count(s => PinyinSyllableAssembler.IsInitial(s) || PinyinSyllableAssembler.IsFinal(s));
        return symbols.Contains("zh") && symbols.Contains("sh") && pinyin * 2 > symbols.Count;
    }

    /// <inheritdoc />
    /// <remarks>Partials skip the tone-guided choice, which costs several libpinyin guesses: they change every chunk anyway.</remarks>
    public string Assemble(IReadOnlyList<TokenSpan> spans, bool final) => Convert(spans.Select(s => s.Text), final);

    /// <summary>The text of pinyin tokens in decoding order; <paramref name="toneGuided"/> lets the heard tones choose among phrases.</summary>
    public string Convert(IEnumerable<string> tokens, bool toneGuided = true) =>
        _pool.Convert(PinyinSyllableAssembler.Assemble(tokens), toneGuided).Trim();

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();
}

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Text of a pinyin vocabulary (tokens are initials and toned finals): tokens → syllables
/// (<see cref="PinyinSyllableAssembler"/>) → Chinese characters through a pool of libpinyin converters, with a
/// session's phrases (<see cref="WithPhrases"/>) written as given where the syllables spell them.
/// </summary>
public sealed class PinyinTextAssembler : ITextAssembler, IDisposable
{
    private readonly PinyinConverterPool _pool;
    private readonly PinyinPhraseBook _phrases;
    private readonly bool _ownsPool;

    /// <summary>Starts libpinyin; throws <see cref="LibPinyinUnavailableException"/> when it is missing.</summary>
    public PinyinTextAssembler(PinyinConverterOptions? options = null)
        : this(new PinyinConverterPool(options), PinyinPhraseBook.Empty, ownsPool: true)
    {
    }

    private PinyinTextAssembler(PinyinConverterPool pool, PinyinPhraseBook phrases, bool ownsPool)
    {
        _pool = pool;
        _phrases = phrases;
        _ownsPool = ownsPool;
    }

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

    /// <summary>
    /// An assembler for one stream that shares this one's converters and writes <paramref name="phrases"/> as
    /// given; disposing it leaves the converters to this one.
    /// </summary>
    public PinyinTextAssembler WithPhrases(PinyinPhraseBook phrases) => new(_pool, phrases, ownsPool: false);

    /// <inheritdoc />
    /// <remarks>Partials skip the tone-guided choice, which costs several libpinyin guesses: they change every chunk anyway.</remarks>
    public string Assemble(IReadOnlyList<TokenSpan> spans, bool final) => Convert(spans.Select(s => s.Text), final);

    /// <summary>The text of pinyin tokens in decoding order; <paramref name="toneGuided"/> lets the heard tones choose among phrases.</summary>
    public string Convert(IEnumerable<string> tokens, bool toneGuided = true) =>
        _pool.Convert(PinyinSyllableAssembler.Assemble(tokens), toneGuided, _phrases.Count == 0 ? null : _phrases).Trim();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsPool)
        {
            _pool.Dispose();
        }
    }
}

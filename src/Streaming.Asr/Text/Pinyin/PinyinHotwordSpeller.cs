using Streaming.Asr.Hotwords;
using Streaming.Asr.Keywords;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Spells hotwords for a pinyin transducer with <see cref="PinyinSpeller"/> (every reading of a polyphone): as
/// token ids for the search's <see cref="ContextGraph"/>, and the same spellings as a <see cref="PinyinPhraseBook"/>
/// for the converter, so what the search is biased towards is also written as the user wrote it. Thread-safe.
/// </summary>
public sealed class PinyinHotwordSpeller : IHotwordSpeller
{
    private readonly PinyinSpeller _speller;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    /// <summary>Creates a speller over a model's tokens.</summary>
    public PinyinHotwordSpeller(PinyinSpeller speller, TokenTable tokens)
    {
        _speller = speller;
        foreach (var (symbol, id) in tokens.Pieces())
        {
            _ids.TryAdd(symbol.Normalize(), id);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A syllable is two tokens (initial and final), so each earns half the boost. At the full boost (3 per token) the
    /// search pulled 重点呢 (zh òng d iǎn n e) in the model's 1.wav into 朱丽楠 (zh ū l ì n án); at half it did not.
    /// </remarks>
    public float TokenShare => 0.5f;

    /// <inheritdoc />
    public IReadOnlyList<int[]> Spell(string phrase) => [.. Symbols(phrase).Select(s => s.Select(t => _ids[t]).ToArray())];

    /// <summary>The phrases and their spellings, for the converter.</summary>
    /// <exception cref="HotwordException">Some character of a phrase cannot be spelt; the message names it.</exception>
    public PinyinPhraseBook PhraseBook(IEnumerable<Hotword> hotwords) =>
        new(hotwords.Select(h => (h.Phrase, Symbols(h.Phrase).Select(s => (IReadOnlyList<string>)s))));

    private IReadOnlyList<string[]> Symbols(string phrase)
    {
        try
        {
            return _speller.Spell(phrase);
        }
        catch (KeywordException e)
        {
            // The speller is shared with keyword spotting; a hotword's error should name what the user sent.
            throw new HotwordException(e.Message.StartsWith("Keyword ", StringComparison.Ordinal) ? "Hotword " + e.Message["Keyword ".Length..] : e.Message);
        }
    }
}

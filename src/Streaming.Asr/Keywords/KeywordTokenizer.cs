using Streaming.Asr.Hotwords;
using Streaming.Asr.Text;
using Streaming.Asr.Text.Pinyin;

namespace Streaming.Asr.Keywords;

/// <summary>
/// Spells keywords in one model's token ids: an explicit spelling (<see cref="Keyword.Spelling"/>) token by token,
/// otherwise Chinese text through <see cref="PinyinSpeller"/> for a pinyin vocabulary (one spelling per reading
/// of its polyphones) or through <see cref="HotwordTokenizer"/> for a piece vocabulary. Thread-safe.
/// </summary>
public sealed class KeywordTokenizer
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lazy<PinyinSpeller>? _pinyin;
    private readonly HotwordTokenizer? _pieces;

    /// <summary>Creates a tokenizer for <paramref name="tokens"/>; pinyin vocabularies spell through <paramref name="readings"/>.</summary>
    public KeywordTokenizer(TokenTable tokens, Func<UnihanReadings>? readings = null)
    {
        foreach (var (piece, id) in tokens.Pieces())
        {
            _ids.TryAdd(piece.Normalize(), id);
        }

        if (PinyinTextAssembler.IsPinyinVocabulary(tokens))
        {
            var source = readings ?? (() => UnihanReadings.Shared);
            _pinyin = new Lazy<PinyinSpeller>(() => new PinyinSpeller(source(), _ids.Keys));
        }
        else
        {
            _pieces = new HotwordTokenizer(tokens.Pieces());
        }
    }

    /// <summary>The token-id spellings of <paramref name="keyword"/>, preferred first; never empty.</summary>
    /// <exception cref="KeywordException">The keyword cannot be spelt; the message names the character or token.</exception>
    public IReadOnlyList<int[]> Spell(Keyword keyword)
    {
        if (keyword.Spelling is { } explicitTokens)
        {
            return [[.. explicitTokens.Select(t => _ids.TryGetValue(t.Normalize(), out int id)
                ? id
                : throw new KeywordException($"Keyword '{keyword.Phrase}': the model has no token '{t}'."))]];
        }

        if (_pinyin is not null)
        {
            return [.. _pinyin.Value.Spell(keyword.Phrase).Select(s => s.Select(t => _ids[t]).ToArray())];
        }

        try
        {
            return [_pieces!.Tokenize(keyword.Phrase)];
        }
        catch (HotwordException e)
        {
            throw new KeywordException(e.Message.Replace("Hotword", "Keyword", StringComparison.Ordinal));
        }
    }
}

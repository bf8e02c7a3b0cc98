using System.Text;
using Streaming.Asr.Text;

namespace Streaming.Asr.Hotwords;

/// <summary>
/// Spells hotword phrases in a model's own token set (SentencePiece/BPE pieces where <c>▁</c> starts a word,
/// CJK characters, <c>&lt;0xNN&gt;</c> byte-fallback pieces). Each word is segmented greedily, longest piece
/// first, the way those vocabularies mostly spell common words; CJK text gets no word-start marker because
/// such models emit characters without one.
/// </summary>
public sealed class HotwordTokenizer : IHotwordSpeller
{
    private const char WordStart = '▁';
    private readonly Dictionary<string, int> _ids;
    private readonly int _longest;

    /// <summary>Creates a tokenizer over (piece, id) pairs; pieces use <c>▁</c> for a word start.</summary>
    public HotwordTokenizer(IEnumerable<KeyValuePair<string, int>> pieces)
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (piece, id) in pieces)
        {
            // The first id of a duplicated piece wins, as in the vocabularies' own lookups.
            if (piece.Length > 0 && _ids.TryAdd(piece, id))
            {
                _longest = Math.Max(_longest, piece.Length);
            }
        }
    }

    /// <summary>Token ids spelling <paramref name="phrase"/>.</summary>
    /// <exception cref="HotwordException">Some character has neither a piece nor a byte-fallback piece.</exception>
    public int[] Tokenize(string phrase)
    {
        var ids = new List<int>();
        foreach (string word in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string text = TokenTable.IsCjk(word[0]) ? word : WordStart + word;
            int position = 0;
            while (position < text.Length)
            {
                position = AppendLongest(text, position, ids, phrase);
            }
        }

        if (ids.Count == 0)
        {
            throw new HotwordException($"Hotword '{phrase}' is empty.");
        }

        return [.. ids];
    }

    /// <inheritdoc />
    /// <remarks>A piece vocabulary has one spelling per phrase: <see cref="Tokenize"/>'s.</remarks>
    public IReadOnlyList<int[]> Spell(string phrase) => [Tokenize(phrase)];

    private int AppendLongest(string text, int position, List<int> ids, string phrase)
    {
        for (int length = Math.Min(_longest, text.Length - position); length > 0; length--)
        {
            if (_ids.TryGetValue(text.Substring(position, length), out int id))
            {
                ids.Add(id);
                return position + length;
            }
        }

        if (text[position] == WordStart)
        {
            // A vocabulary without a bare word-start piece (character tables) simply omits the marker.
            return position + 1;
        }

        // No piece starts here: spell the character (a surrogate pair counts as one) as UTF-8 bytes.
        int width = char.IsSurrogatePair(text, position) ? 2 : 1;
        string character = text.Substring(position, width);
        foreach (byte b in Encoding.UTF8.GetBytes(character))
        {
            if (!_ids.TryGetValue($"<0x{b:X2}>", out int id))
            {
                throw new HotwordException(
                    $"Hotword '{phrase}' cannot be tokenised: the model has no token for '{character}' (U+{char.ConvertToUtf32(text, position):X4}).");
            }

            ids.Add(id);
        }

        return position + width;
    }
}

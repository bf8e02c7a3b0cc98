namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Phrases the converter must write as given (a session's hotwords) wherever the heard syllables spell them,
/// instead of whatever libpinyin's dictionaries prefer for the same sounds (<c>朱丽楠</c>, not <c>主力南</c>).
/// Each phrase may have several spellings (every reading of its polyphones). Syllables must agree in letters;
/// tones must agree too unless either side is neutral, so a hotword does not take over a homophone heard with
/// other tones. Immutable and thread-safe.
/// </summary>
public sealed class PinyinPhraseBook
{
    private readonly Dictionary<string, List<(PinyinPiece[] Spelling, string Phrase)>> _byFirst = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the book from phrases and their spellings in a pinyin model's tokens (initials and toned finals,
    /// e.g. <c>zh ū l ì n án</c>); a spelling that assembles to nothing is skipped.
    /// </summary>
    public PinyinPhraseBook(IEnumerable<(string Phrase, IEnumerable<IReadOnlyList<string>> Spellings)> phrases)
    {
        foreach (var (phrase, spellings) in phrases)
        {
            foreach (var tokens in spellings)
            {
                var pieces = PinyinSyllableAssembler.Assemble(tokens).ToArray();
                if (pieces.Length == 0)
                {
                    continue;
                }

                if (!_byFirst.TryGetValue(pieces[0].Text, out var entries))
                {
                    _byFirst[pieces[0].Text] = entries = [];
                }

                entries.Add((pieces, phrase));
                Count++;
            }
        }
    }

    /// <summary>An empty book: every phrase comes from libpinyin.</summary>
    public static PinyinPhraseBook Empty { get; } = new([]);

    /// <summary>Number of spellings held.</summary>
    public int Count { get; }

    /// <summary>
    /// The longest phrase whose spelling the pieces at <paramref name="start"/> match, and how many pieces it
    /// covers; false when none does.
    /// </summary>
    public bool TryMatch(IReadOnlyList<PinyinPiece> pieces, int start, out string phrase, out int length)
    {
        phrase = string.Empty;
        length = 0;
        if (!_byFirst.TryGetValue(pieces[start].Text, out var entries))
        {
            return false;
        }

        foreach (var (spelling, text) in entries)
        {
            if (spelling.Length > length && Matches(spelling, pieces, start))
            {
                phrase = text;
                length = spelling.Length;
            }
        }

        return length > 0;
    }

    private static bool Matches(PinyinPiece[] spelling, IReadOnlyList<PinyinPiece> pieces, int start)
    {
        if (start + spelling.Length > pieces.Count)
        {
            return false;
        }

        for (int i = 0; i < spelling.Length; i++)
        {
            var heard = pieces[start + i];
            var spelt = spelling[i];
            bool tonesAgree = heard.Tone == spelt.Tone
                || (heard.IsSyllable && spelt.IsSyllable && (heard.Tone == PinyinPiece.NeutralTone || spelt.Tone == PinyinPiece.NeutralTone));
            if (!tonesAgree || !string.Equals(heard.Text, spelt.Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

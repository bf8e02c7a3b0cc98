using System.Text;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Joins a pinyin model's tokens (initials such as <c>zh</c>, toned finals such as <c>ōng</c>) into syllables
/// with numbered tones. A final without an initial is a syllable of its own (<c>ān</c>, <c>ér</c>); an
/// unmarked final is the neutral tone; an initial with no final after it is kept toneless, except a lone
/// <c>r</c>, which is the erhua suffix 儿. Tokens that are neither pass through as literal text.
/// </summary>
public static class PinyinSyllableAssembler
{
    private static readonly HashSet<string> Initials =
        ["b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"];

    /// <summary>Whether a token is a pinyin initial.</summary>
    public static bool IsInitial(string token) => Initials.Contains(token);

    /// <summary>Whether a token is a pinyin final, toned or not.</summary>
    public static bool IsFinal(string token) => TryParseFinal(token, out _, out _);

    /// <summary>The tone of a syllable written with tone marks: 1–4, or 5 (neutral) when it has none.</summary>
    public static int ToneOf(string syllable)
    {
        foreach (var c in syllable)
        {
            if (Untone(char.ToLowerInvariant(c)) is { Tone: > 0 } marked)
            {
                return marked.Tone;
            }
        }

        return PinyinPiece.NeutralTone;
    }

    /// <summary>Assembles tokens, in decoding order, into syllables and literal pieces.</summary>
    public static List<PinyinPiece> Assemble(IEnumerable<string> tokens)
    {
        var pieces = new List<PinyinPiece>();
        string? initial = null;
        foreach (var raw in tokens)
        {
            var token = raw.Trim();
            if (token.Length == 0)
            {
                continue;
            }

            if (IsInitial(token))
            {
                FlushInitial(pieces, ref initial);
                initial = token;
            }
            else if (TryParseFinal(token, out var final, out var tone))
            {
                pieces.Add(new PinyinPiece(Spell(initial, final), tone));
                initial = null;
            }
            else
            {
                FlushInitial(pieces, ref initial);
                pieces.Add(new PinyinPiece(token, PinyinPiece.LiteralTone));
            }
        }

        FlushInitial(pieces, ref initial);
        return pieces;
    }

    private static void FlushInitial(List<PinyinPiece> pieces, ref string? initial)
    {
        if (initial is null)
        {
            return;
        }

        pieces.Add(initial == "r" ? new PinyinPiece("er", PinyinPiece.NeutralTone) : new PinyinPiece(initial, PinyinPiece.NoTone));
        initial = null;
    }

    // libpinyin spells ü as v; after j, q, x and y standard pinyin writes it as u.
    private static string Spell(string? initial, string final)
    {
        var spelled = initial is "j" or "q" or "x" or "y" ? final.Replace('ü', 'u') : final.Replace('ü', 'v');
        return initial + spelled;
    }

    private static bool TryParseFinal(string token, out string letters, out int tone)
    {
        var builder = new StringBuilder(token.Length);
        tone = PinyinPiece.NeutralTone;
        var vowel = false;
        foreach (var c in token)
        {
            var (plain, mark) = Untone(c);
            if (plain == '\0')
            {
                letters = string.Empty;
                return false;
            }

            if (mark != 0)
            {
                tone = mark;
            }

            vowel |= plain is 'a' or 'e' or 'i' or 'o' or 'u' or 'ü' || (mark != 0 && plain == 'n');
            builder.Append(plain);
        }

        letters = builder.ToString();
        return vowel;
    }

    // Tone-marked vowels in groups of four (tones 1–4) per base vowel of Vowels; then the syllabic n of 嗯 (ń ň ǹ).
    private const string Marked = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    private const string Vowels = "aeiouü";
    private const string MarkedN = "ńňǹ";

    // The base letter of a pinyin character and its tone mark (0 when unmarked); '\0' for a character pinyin does not use.
    private static (char Plain, int Tone) Untone(char c)
    {
        var marked = Marked.IndexOf(c);
        if (marked >= 0)
        {
            return (Vowels[marked / 4], (marked % 4) + 1);
        }

        var n = MarkedN.IndexOf(c);
        if (n >= 0)
        {
            return ('n', n + 2);
        }

        return c == 'v' ? ('ü', 0) : "aeiouüngr".Contains(c) ? (c, 0) : ('\0', 0);
    }
}

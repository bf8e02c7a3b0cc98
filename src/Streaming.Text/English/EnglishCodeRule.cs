using System.Globalization;
using System.Text;

namespace Streaming.Text.English;

/// <summary>
/// Codes spelt as letters and numbers ("a b nine" → ab9, "x eighty six" → x86, "ten eighty p" →
/// 1080p). Needs a number and a letter other than the words "a"/"i"; a leading "a"/"i" must be
/// followed by a letter, so "a thirty six" stays an article and a number. Known acronyms in the
/// whitelist are left to it.
/// </summary>
internal sealed class EnglishCodeRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Telephone;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        written = "";
        if (!t.IsLetter(i) && reader.Lexicon.NumberValue(t[i]) < 0)
        {
            return 0;
        }

        if (IsWordLetter(t, i) && !t.IsLetter(i + 1) || reader.Lexicon.Whitelist.Match(t, i, out _) > 0)
        {
            return 0;
        }

        var sb = new StringBuilder(8);
        var hasDigit = false;
        var hasLetter = false;
        var p = i;
        while (p < t.Count)
        {
            if (t.IsLetter(p))
            {
                hasLetter |= !IsWordLetter(t, p);
                sb.Append(t[p]);
                p++;
                continue;
            }

            var pair = reader.TwoDigit(t, p, out var value);
            if (pair == 0)
            {
                value = t[p] == "oh" ? -1 : reader.Lexicon.DigitValue(t[p]);
                pair = value >= 0 ? 1 : 0;
            }

            if (pair == 0)
            {
                break;
            }

            sb.Append(value.ToString(CultureInfo.InvariantCulture));
            hasDigit = true;
            p += pair;
        }

        if (p - i < 2 || !hasDigit || !hasLetter)
        {
            return 0;
        }

        written = sb.ToString();
        return p - i;
    }

    private static bool IsWordLetter(EnglishTokens t, int p) => t[p] is "a" or "i";
}

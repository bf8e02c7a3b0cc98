using System.Text;

namespace Streaming.Text.English;

/// <summary>
/// Codes spelt as letters and digits ("a b nine" → ab9, "five w k r a three one" → 5wkra31). Needs a
/// digit and a letter other than the words "a"/"i", so "a one" and "a b c" stay as spoken.
/// </summary>
internal sealed class EnglishCodeRule(EnglishLexicon lexicon) : IEnglishRule
{
    public ItnClass Class => ItnClass.Telephone;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        written = "";
        var sb = new StringBuilder(8);
        var hasDigit = false;
        var hasLetter = false;
        var p = i;
        for (; p < t.Count; p++)
        {
            var digit = t[p] is "o" or "oh" ? -1 : lexicon.DigitValue(t[p]);
            if (digit >= 0)
            {
                sb.Append((char)('0' + digit));
                hasDigit = true;
            }
            else if (t.IsLetter(p))
            {
                sb.Append(t[p]);
                hasLetter |= t[p] is not ("a" or "i");
            }
            else
            {
                break;
            }
        }

        if (p - i < 2 || !hasDigit || !hasLetter)
        {
            return 0;
        }

        written = sb.ToString();
        return p - i;
    }
}

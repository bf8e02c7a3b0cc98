using System.Text;

namespace Streaming.Text.Chinese;

/// <summary>
/// Licence plates: a province character, a letter and five or six letters/digits with the digits
/// spoken, 皖C九B三四E → 皖C9B34E.
/// </summary>
internal sealed class ChineseLicensePlateRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.LicensePlate;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        if (lexicon.Provinces.Match(s, pos, out _) != 1 || pos + 1 >= s.Length || !char.IsAsciiLetter(s[pos + 1]))
        {
            return 0;
        }

        var sb = new StringBuilder(8).Append(s, pos, 2);
        var p = pos + 2;
        var spokenDigits = 0;
        while (p < s.Length && sb.Length < 8)
        {
            var c = s[p];
            var digit = ChineseNumerals.SpelledDigit(c);
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (digit >= 0)
            {
                sb.Append((char)('0' + digit));
                spokenDigits++;
            }
            else
            {
                break;
            }

            p++;
        }

        var tail = sb.Length - 2;
        if (tail is < 5 or > 6 || spokenDigits == 0 || (p < s.Length && (char.IsAsciiLetterOrDigit(s[p]) || ChineseNumerals.IsNumeral(s[p]))))
        {
            return 0;
        }

        written = sb.ToString();
        return p - pos;
    }
}

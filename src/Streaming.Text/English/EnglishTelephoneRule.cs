using System.Text;

namespace Streaming.Text.English;

/// <summary>
/// Numbers said digit by digit: ten digits as 123-123-5678, nine as 123-12-1234 (SSN), eleven as a
/// trunk digit and ten, "plus" with a country code as +44 123-123-5678; other lengths of three or
/// more are joined.
/// </summary>
internal sealed class EnglishTelephoneRule(EnglishNumberReader reader) : IEnglishRule
{
    private const int MinDigits = 3;

    public ItnClass Class => ItnClass.Telephone;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        written = "";
        if (t[i] is not ("plus" or "double" or "triple") && reader.Lexicon.DigitValue(t[i]) < 0)
        {
            return 0;
        }

        var p = i;
        var country = "";
        if (t[p] == "plus")
        {
            var code = reader.Cardinal(t, p + 1);
            if (code.Count > 1 || (code.Count == 1 && code.Value >= 10))
            {
                country = "+" + code.Written + " ";
                p += 1 + code.Count;
            }
            else
            {
                country = "+";
                p++;
            }
        }

        var digits = new StringBuilder(16);
        var count = reader.Digits(t, p, digits);
        if (digits.Length < MinDigits)
        {
            return 0;
        }

        var s = digits.ToString();
        if (country == "+")
        {
            if (s.Length <= 10)
            {
                return 0;
            }

            country = "+" + s[..^10] + " ";
            s = s[^10..];
        }

        written = country + Format(s);
        return p + count - i;
    }

    private static string Format(string d) => d.Length switch
    {
        10 => $"{d[..3]}-{d[3..6]}-{d[6..]}",
        9 => $"{d[..3]}-{d[3..5]}-{d[5..]}",
        11 => $"{d[..1]} {d[1..4]}-{d[4..7]}-{d[7..]}",
        _ => d,
    };
}

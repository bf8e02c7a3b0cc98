using System.Globalization;

namespace Streaming.Text.English;

/// <summary>
/// Money: "twenty five dollars" → $25, "eleven dollars and fifty one cents" → $11.51,
/// "one fifty five dollars" → $155, "thirty billion yen" → ¥30 billion, "one cent" → $0.01.
/// "one dollars" does not agree in number, so it is left alone.
/// </summary>
internal sealed class EnglishMoneyRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Money;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        written = "";
        var amount = reader.Amount(t, i);
        var pair = reader.HundredsPair(t, i);
        if (pair.Count > amount.Count)
        {
            amount = pair;
        }

        if (amount.Count == 0)
        {
            return 0;
        }

        var p = i + amount.Count;
        var lexicon = reader.Lexicon;
        var currencyWords = lexicon.Currencies.Match(t, p, out var symbol);
        if (currencyWords > 0)
        {
            if (IsPluralMismatch(t, i, amount, t[p + currencyWords - 1]))
            {
                return 0;
            }

            p += currencyWords;
            written = symbol + amount.Written;
            var centsWords = ReadCents(t, p, out var cents);
            if (centsWords > 0 && !amount.Written.Contains('.') && !amount.Written.Contains(' '))
            {
                written += "." + cents.ToString("D2", CultureInfo.InvariantCulture);
                p += centsWords;
            }

            return p - i;
        }

        var centWords = lexicon.CentWords.Match(t, p, out symbol);
        if (centWords > 0 && amount.Small is > 0 and < 100 && !amount.Written.Contains('.') && !IsPluralMismatch(t, i, amount, t[p]))
        {
            written = symbol + "0." + ((int)amount.Value).ToString("D2", CultureInfo.InvariantCulture);
            return amount.Count + centWords;
        }

        return 0;
    }

    private static bool IsPluralMismatch(EnglishTokens t, int i, EnglishNumber amount, string currencyWord) =>
        amount.Count == 1 && t[i] == "one" && currencyWord.EndsWith('s');

    // "[and] fifty one [cents]" after the main unit; returns tokens read.
    private int ReadCents(EnglishTokens t, int p, out int cents)
    {
        cents = 0;
        var start = p;
        if (t[p] == "and")
        {
            p++;
        }

        var words = reader.TwoDigit(t, p, out var value);
        if (words == 0)
        {
            value = reader.Lexicon.NumberValue(t[p]);
            words = value is >= 1 and <= 9 ? 1 : 0;
        }

        if (words == 0)
        {
            return 0;
        }

        p += words;
        var centWords = reader.Lexicon.CentWords.Match(t, p, out _);
        if (centWords == 0 && t[start] == "and")
        {
            return 0; // "ten dollars and five apples" is not cents.
        }

        cents = value;
        return p + centWords - start;
    }
}

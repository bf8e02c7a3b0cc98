using System.Globalization;
using System.Numerics;
using System.Text;

namespace Streaming.Text.English;

/// <summary>
/// Reads the number forms rules build on: cardinals, decimals ("five point two million"), the
/// paired readings used for years and prices ("nineteen oh five", "one fifty five") and signs.
/// </summary>
internal sealed class EnglishNumberReader(EnglishLexicon lexicon)
{
    private readonly EnglishCardinalParser _cardinals = new(lexicon);

    public EnglishLexicon Lexicon => lexicon;

    // Rules probe the same token many times; remembering the last answer per thread avoids
    // re-parsing and re-allocating the same number.
    [ThreadStatic]
    private static (EnglishTokens? Tokens, int Index, EnglishNumber Number) _last;

    /// <summary>A cardinal at token <paramref name="i"/>.</summary>
    public EnglishNumber Cardinal(EnglishTokens t, int i)
    {
        if (i >= t.Count)
        {
            return default;
        }

        if (ReferenceEquals(_last.Tokens, t) && _last.Index == i)
        {
            return _last.Number;
        }

        var number = _cardinals.Parse(t.Words[i..]);
        _last = (t, i, number);
        return number;
    }

    /// <summary>A cardinal over explicit words (used to read ordinals through their cardinal word).</summary>
    public EnglishNumber Cardinal(ReadOnlySpan<string> words) => _cardinals.Parse(words);

    /// <summary>"[cardinal] point digits [scale]", e.g. "point o two" → .02, "one point five billion" → 1.5 billion.</summary>
    public EnglishNumber Decimal(EnglishTokens t, int i)
    {
        var integer = Cardinal(t, i);
        if (integer.Written.Contains(' '))
        {
            return default;
        }

        var p = i + integer.Count;
        if (t[p] != "point" || lexicon.DigitValue(t[p + 1]) < 0)
        {
            return default;
        }

        var sb = new StringBuilder(integer.Written).Append('.');
        p++;
        while (p < t.Count && lexicon.DigitValue(t[p]) is var d and >= 0)
        {
            sb.Append((char)('0' + d));
            p++;
        }

        if (lexicon.ScaleExponent(t[p]) > 0)
        {
            sb.Append(' ').Append(t[p]);
            p++;
        }

        return new EnglishNumber(p - i, integer.Value, sb.ToString(), false);
    }

    /// <summary>A number from 10 to 99 said as one or two words ("seventeen", "ninety four").</summary>
    public int TwoDigit(EnglishTokens t, int i, out int value)
    {
        value = lexicon.NumberValue(t[i]);
        if (value is >= 10 and <= 19 || value % 10 == 0 && value >= 20)
        {
            if (value >= 20 && lexicon.NumberValue(t[i + 1]) is var ones and >= 1 and <= 9)
            {
                value += ones;
                return 2;
            }

            return 1;
        }

        value = -1;
        return 0;
    }

    /// <summary>
    /// A year said in pairs: "nineteen seventeen" → 1917, "nineteen oh five" → 1905, "twenty twelve"
    /// → 2012. The first pair must be 11 or more so "ten thirty" stays a time.
    /// </summary>
    public EnglishNumber YearPair(EnglishTokens t, int i)
    {
        var first = TwoDigit(t, i, out var high);
        if (first == 0 || high < 11)
        {
            return default;
        }

        var p = i + first;
        int low;
        int second;
        if (t[p] is "o" or "oh" && lexicon.NumberValue(t[p + 1]) is var d and >= 1 and <= 9)
        {
            low = d;
            second = 2;
        }
        else
        {
            second = TwoDigit(t, p, out low);
            if (second == 0)
            {
                return default;
            }
        }

        var value = (high * 100) + low;
        return new EnglishNumber(first + second, value, value.ToString(CultureInfo.InvariantCulture), false);
    }

    /// <summary>Hundreds said as a digit and a pair: "one fifty five" → 155, "seven fifty" → 750.</summary>
    public EnglishNumber HundredsPair(EnglishTokens t, int i)
    {
        var hundreds = lexicon.NumberValue(t[i]);
        if (hundreds is < 1 or > 9)
        {
            return default;
        }

        var pair = TwoDigit(t, i + 1, out var rest);
        if (pair == 0)
        {
            return default;
        }

        var value = (hundreds * 100) + rest;
        return new EnglishNumber(1 + pair, value, value.ToString(CultureInfo.InvariantCulture), false);
    }

    /// <summary>A signed decimal or cardinal, whichever is longer ("minus sixty point two").</summary>
    public EnglishNumber Amount(EnglishTokens t, int i)
    {
        var signed = t[i] is "minus" or "negative";
        var p = signed ? i + 1 : i;
        var best = Cardinal(t, p);
        var dec = Decimal(t, p);
        if (dec.Count > best.Count)
        {
            best = dec;
        }

        if (best.Count == 0)
        {
            return default;
        }

        return signed ? best with { Count = best.Count + 1, Written = "-" + best.Written, Value = -best.Value, IsSingleDigit = false } : best;
    }

    /// <summary>Digits said one by one, with "double"/"triple"; returns tokens read.</summary>
    public int Digits(EnglishTokens t, int i, StringBuilder digits)
    {
        var p = i;
        while (p < t.Count)
        {
            var repeat = t[p] switch
            {
                "double" => 2,
                "triple" => 3,
                _ => 1,
            };
            var word = repeat > 1 ? t[p + 1] : t[p];
            var d = lexicon.DigitValue(word);
            if (d < 0)
            {
                break;
            }

            digits.Append((char)('0' + d), repeat);
            p += repeat > 1 ? 2 : 1;
        }

        return p - i;
    }

    /// <summary>Formats a BigInteger invariantly.</summary>
    public static string Format(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}

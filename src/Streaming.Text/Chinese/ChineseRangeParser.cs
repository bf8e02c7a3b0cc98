using System.Globalization;

namespace Streaming.Text.Chinese;

/// <summary>
/// Reads approximate ranges spoken as two neighbouring digits (三四十 = 30 to 40). Without a prefix
/// the two ends are written in full with '~'; after a prefix (十五六, 七百三四十) the first end is
/// written in full and the second by its own place value with '-', as Chinese print does.
/// </summary>
internal static class ChineseRangeParser
{
    public static ChineseNumber Parse(string s, int pos, bool allowBareRange)
    {
        var bare = ParseUnprefixed(s, pos, allowBareRange);
        return bare.Length > 0 ? bare : ParsePrefixed(s, pos);
    }

    // 三四 is a range when the digits are neighbours; 三五 is the idiomatic "three to five".
    private static bool IsPair(string s, int q, out int low, out int high)
    {
        low = q + 1 < s.Length ? ChineseNumerals.Digit(s[q]) : -1;
        high = q + 1 < s.Length ? ChineseNumerals.Digit(s[q + 1]) : -1;
        if (low <= 0 || high <= 0)
        {
            return false;
        }

        return high == low + 1 || (low == 3 && high == 5);
    }

    private static ChineseNumber ParseUnprefixed(string s, int pos, bool allowBareRange)
    {
        if (!IsPair(s, pos, out var low, out var high))
        {
            return default;
        }

        var p = pos + 2;
        var multiplier = p < s.Length ? ChineseNumerals.Multiplier(s[p]) : 0;
        if (multiplier > 0)
        {
            p++;
        }

        var bigUnit = p < s.Length && ChineseNumerals.BigUnitExponent(s[p]) > 0 ? s[p] : '\0';
        if (bigUnit != '\0')
        {
            p++;
        }

        if (multiplier == 0 && bigUnit == '\0' && !allowBareRange)
        {
            return default;
        }

        // A digit after the pair means a digit string (一二三四), not a range.
        if (p < s.Length && ChineseNumerals.SpelledDigit(s[p]) >= 0)
        {
            return default;
        }

        var m = Math.Max(multiplier, 1);
        var written = string.Create(CultureInfo.InvariantCulture, $"{low * m}~{high * m}{(bigUnit == '\0' ? "" : bigUnit.ToString())}");
        return new ChineseNumber(p - pos, written, low * m, false, bigUnit != '\0');
    }

    private static ChineseNumber ParsePrefixed(string s, int pos)
    {
        var limit = Math.Min(s.Length - 2, pos + 10);
        for (var q = pos + 1; q <= limit; q++)
        {
            var before = s[q - 1];
            var placeAfter = ChineseNumerals.Multiplier(before) switch
            {
                10 => 1,
                100 => 10,
                1000 => 100,
                _ => ChineseNumerals.BigUnitExponent(before) == 4 ? 1000 : 0,
            };
            if (placeAfter == 0 || !IsPair(s, q, out var low, out var high))
            {
                if (!ChineseNumerals.IsNumeral(before))
                {
                    return default;
                }

                continue;
            }

            var prefix = ChineseCardinalParser.Parse(s[pos..q], 0, ItnStyle.WeText);
            if (prefix.Length != q - pos)
            {
                return default;
            }

            var p = q + 2;
            var place = placeAfter;
            if (p < s.Length && ChineseNumerals.Multiplier(s[p]) == placeAfter && placeAfter >= 10)
            {
                p++; // 七百三四十: the place is said explicitly.
            }

            var bigUnit = p < s.Length && ChineseNumerals.BigUnitExponent(s[p]) > 0 && ChineseNumerals.BigUnitExponent(before) != 4 ? s[p] : '\0';
            if (bigUnit != '\0')
            {
                p++;
            }

            if (p < s.Length && ChineseNumerals.SpelledDigit(s[p]) >= 0)
            {
                return default;
            }

            var first = prefix.Value + low * place;
            var written = string.Create(CultureInfo.InvariantCulture, $"{first}-{high * place}{(bigUnit == '\0' ? "" : bigUnit.ToString())}");
            return new ChineseNumber(p - pos, written, first, false, bigUnit != '\0');
        }

        return default;
    }
}

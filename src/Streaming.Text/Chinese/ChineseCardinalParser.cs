using System.Globalization;
using System.Text;

namespace Streaming.Text.Chinese;

/// <summary>
/// Reads a cardinal such as 一千零二十 or 三百万两千 at a position. How big units are written depends
/// on the style: WeText keeps 万 when its coefficient has three or more digits (100万1111) and 亿/兆
/// always; the caption style keeps them only on round numbers (30万, 1亿2000万) and writes every
/// other number in plain digits (3002000). Units keep the text's own characters (2300萬).
/// </summary>
internal static class ChineseCardinalParser
{
    // Rules probe the same position many times; remembering the last answer per thread keeps the
    // engine from re-parsing and re-allocating the same number.
    [ThreadStatic]
    private static (string? Text, int Pos, ItnStyle Style, ChineseNumber Number) _last;

    /// <summary>Reads the longest cardinal at <paramref name="pos"/>; Length 0 when there is none.</summary>
    public static ChineseNumber Parse(string s, int pos, ItnStyle style)
    {
        if (ReferenceEquals(_last.Text, s) && _last.Pos == pos && _last.Style == style)
        {
            return _last.Number;
        }

        var number = ParseUncached(s, pos, style);
        _last = (s, pos, style, number);
        return number;
    }

    private static ChineseNumber ParseUncached(string s, int pos, ItnStyle style)
    {
        if (pos >= s.Length)
        {
            return default;
        }

        if (ChineseNumerals.Digit(s[pos]) == 0)
        {
            // A lone 零 is zero; 零百/零千 are not numbers.
            var next = pos + 1 < s.Length ? s[pos + 1] : '\0';
            return ChineseNumerals.Multiplier(next) > 0 || ChineseNumerals.BigUnitExponent(next) > 0
                ? default
                : new ChineseNumber(1, "0", 0, true, false);
        }

        Span<long> coefficients = stackalloc long[4]; // 兆, 亿, 万, units
        coefficients.Fill(-1);
        Span<char> unitChars = ['兆', '亿', '万'];
        var i = pos;
        var lastExponent = 16;
        var hasBigUnit = false;
        var abbreviateAfterWan = false;
        while (true)
        {
            var section = ParseSection(s, i, abbreviateAfterWan);
            if (section.Length == 0)
            {
                break;
            }

            var j = i + section.Length;
            var exponent = j < s.Length ? ChineseNumerals.BigUnitExponent(s[j]) : 0;
            if (exponent > 0 && exponent < lastExponent && section.Value > 0)
            {
                coefficients[3 - exponent / 4] = section.Value;
                unitChars[3 - exponent / 4] = s[j];
                lastExponent = exponent;
                hasBigUnit = true;
                i = j + 1;
                abbreviateAfterWan = exponent == 4;
                if (i + 1 < s.Length && ChineseNumerals.Digit(s[i]) == 0 && IsSectionStart(s[i + 1]))
                {
                    i++;
                    abbreviateAfterWan = false;
                }

                continue;
            }

            coefficients[3] = section.Value;
            hasBigUnit = false;
            i = j;
            break;
        }

        if (i == pos)
        {
            return default;
        }

        var length = i - pos;
        var isSingle = length == 1 && ChineseNumerals.Digit(s[pos]) > 0;
        return new ChineseNumber(length, style == ItnStyle.Caption ? FormatCaption(coefficients, unitChars) : FormatWeText(coefficients, unitChars), Value(coefficients), isSingle, hasBigUnit);
    }

    private static bool IsSectionStart(char c) => ChineseNumerals.Digit(c) > 0 || ChineseNumerals.Multiplier(c) == 10;

    private readonly record struct Section(int Length, long Value);

    // One group below 10000: digits with strictly decreasing 千/百/十, an inner 零, and the
    // colloquial dropped last multiplier (六百三 = 630, 一万六 = 16000 via afterWan).
    private static Section ParseSection(string s, int pos, bool afterWan)
    {
        long value = 0;
        var lastMultiplier = 10000;
        var zeroPending = false;
        var k = pos;
        if (k < s.Length && ChineseNumerals.Multiplier(s[k]) == 10)
        {
            value = 10;
            lastMultiplier = 10;
            k++;
        }

        while (k < s.Length)
        {
            var c = s[k];
            if (value > 0 && ChineseNumerals.Digit(c) == 0 && k + 1 < s.Length && IsSectionStart(s[k + 1]))
            {
                zeroPending = true;
                k++;
                continue;
            }

            if (value > 0 && lastMultiplier > 10 && ChineseNumerals.Multiplier(c) == 10)
            {
                value += 10;
                lastMultiplier = 10;
                k++;
                continue;
            }

            var digit = ChineseNumerals.Digit(c);
            if (digit <= 0)
            {
                break;
            }

            var multiplier = k + 1 < s.Length ? ChineseNumerals.Multiplier(s[k + 1]) : 0;
            if (multiplier > 0)
            {
                if (multiplier >= lastMultiplier)
                {
                    break; // 八百|一千: the digit opens the next number.
                }

                value += digit * multiplier;
                lastMultiplier = multiplier;
                zeroPending = false;
                k += 2;
                continue;
            }

            if (value == 0 && afterWan && !zeroPending && !IsFollowedByDigit(s, k))
            {
                value = digit * 1000L;
            }
            else if (value > 0 && !zeroPending && lastMultiplier is 100 or 1000)
            {
                value += digit * (lastMultiplier / 10);
            }
            else
            {
                value += digit;
            }

            k++;
            break;
        }

        return new Section(k - pos, value);
    }

    private static bool IsFollowedByDigit(string s, int k) => k + 1 < s.Length && ChineseNumerals.SpelledDigit(s[k + 1]) >= 0;

    // Round numbers keep their units (30万, 1亿2000万); any other number is written in full digits.
    private static string FormatCaption(ReadOnlySpan<long> c, ReadOnlySpan<char> unitChars)
    {
        if (c[3] > 0 || (c[0] <= 0 && c[1] <= 0 && c[2] <= 0))
        {
            return Value(c).ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder(16);
        for (var k = 0; k < 3; k++)
        {
            if (c[k] > 0)
            {
                sb.Append(c[k].ToString(CultureInfo.InvariantCulture)).Append(unitChars[k]);
            }
        }

        return sb.ToString();
    }

    private static string FormatWeText(ReadOnlySpan<long> c, ReadOnlySpan<char> unitChars)
    {
        var sb = new StringBuilder(16);
        if (c[0] > 0)
        {
            sb.Append(c[0].ToString(CultureInfo.InvariantCulture)).Append(unitChars[0]);
        }

        if (c[1] > 0)
        {
            sb.Append(c[1].ToString(CultureInfo.InvariantCulture)).Append(unitChars[1]);
        }

        var wan = Math.Max(c[2], 0);
        var units = Math.Max(c[3], 0);
        if (wan >= 100)
        {
            sb.Append(wan.ToString(CultureInfo.InvariantCulture)).Append(unitChars[2]);
            if (units > 0)
            {
                sb.Append(units.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (wan > 0 || units > 0 || sb.Length == 0)
        {
            sb.Append((wan * 10000 + units).ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static decimal Value(ReadOnlySpan<long> c)
    {
        decimal total = 0;
        decimal scale = 1_0000_0000_0000m;
        foreach (var part in c)
        {
            if (part > 0)
            {
                total += part * scale;
            }

            scale /= 10000;
        }

        return total;
    }
}

using System.Globalization;

namespace Streaming.Text.Chinese;

/// <summary>
/// Reads the number forms that can carry a unit: cardinals, decimals (三点一四, 二十点一万) and the
/// spoken approximate ranges (三五百 → 300~500, 十五六 → 15-6, 一万六七 → 16000-7000).
/// </summary>
internal static class ChineseQuantityParser
{
    /// <summary>
    /// The longest quantity at <paramref name="pos"/>. A range of two bare digits (七八) is only
    /// accepted with <paramref name="allowBareRange"/>, since without a unit it is usually a code.
    /// </summary>
    public static ChineseNumber Parse(string s, int pos, bool allowBareRange, ItnStyle style)
    {
        var best = ChineseCardinalParser.Parse(s, pos, style);
        var dec = ParseDecimal(s, pos, best);
        if (dec.Length > best.Length)
        {
            best = dec;
        }

        var range = ChineseRangeParser.Parse(s, pos, allowBareRange);
        return range.Length > best.Length ? range : best;
    }

    /// <summary>A decimal at <paramref name="pos"/>, given the cardinal already read there.</summary>
    public static ChineseNumber ParseDecimal(string s, int pos, ChineseNumber integer)
    {
        if (integer.Length == 0 || integer.HasBigUnit || integer.Written.AsSpan().ContainsAnyExcept("0123456789"))
        {
            return default;
        }

        var p = pos + integer.Length;
        if (p + 1 >= s.Length || !ChineseNumerals.IsPoint(s[p]) || ChineseNumerals.Digit(s[p + 1]) < 0)
        {
            return default;
        }

        Span<char> buffer = stackalloc char[64];
        var n = 0;
        foreach (var ch in integer.Written)
        {
            buffer[n++] = ch;
        }

        buffer[n++] = '.';
        var q = p + 1;
        while (q < s.Length && n < buffer.Length - 1 && ChineseNumerals.Digit(s[q]) >= 0)
        {
            buffer[n++] = (char)('0' + ChineseNumerals.Digit(s[q]));
            q++;
        }

        var hasBigUnit = false;
        if (q < s.Length && ChineseNumerals.BigUnitExponent(s[q]) > 0)
        {
            buffer[n++] = s[q];
            q++;
            hasBigUnit = true;
        }

        var text = new string(buffer[..n]);
        var value = decimal.TryParse(text.AsSpan(0, hasBigUnit ? n - 1 : n), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : 0;
        return new ChineseNumber(q - pos, text, value, false, hasBigUnit);
    }
}

namespace Streaming.Text.Chinese;

/// <summary>
/// Quantities with a unit: 三百二十四点七五克 → 324.75g, 每小时十公里 / 十公里每小时 → 10km/h. When
/// a number ends in a multiplier that also starts a unit (一千克), the unit reading wins unless the
/// 0–9 option forbids the one-digit number it leaves (then 1000g).
/// </summary>
internal sealed class ChineseMeasureRule(ChineseLexicon lexicon) : IChineseRule
{
    private const int MaxNumberLength = 24;

    public ItnClass Class => ItnClass.Measure;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var p = pos;
        var rate = "";
        if (s[p] == '每')
        {
            var rateLength = lexicon.RateUnits.Match(s, p + 1, out var rateSymbol);
            if (rateLength == 0)
            {
                return 0;
            }

            rate = "/" + rateSymbol;
            p += 1 + rateLength;
        }

        var signLength = ChineseSign.Read(s, p, out var sign);
        p += signLength;
        var quantityLength = ReadQuantity(s, p, options, out var quantity, out var unit);
        if (quantityLength == 0)
        {
            return 0;
        }

        p += quantityLength;
        if (rate.Length == 0 && p < s.Length && s[p] == '每')
        {
            var rateLength = lexicon.RateUnits.Match(s, p + 1, out var rateSymbol);
            if (rateLength > 0)
            {
                rate = "/" + rateSymbol;
                p += 1 + rateLength;
            }
        }

        written = sign + quantity + unit + rate;
        return p - pos;
    }

    // Number (or number 到 number) and unit; returns characters read.
    private int ReadQuantity(string s, int pos, ItnOptions options, out string quantity, out string unit)
    {
        quantity = unit = "";
        var first = ReadNumberWithUnit(s, pos, options, out var number, out var firstUnit, out var firstUnitLength);
        if (first > 0)
        {
            quantity = number;
            unit = firstUnit;
            return first + firstUnitLength;
        }

        // 三十到三百一十一千米: only the upper end carries the unit.
        var low = ChineseQuantityParser.Parse(s, pos, allowBareRange: false, options.Style);
        var p = pos + low.Length;
        if (low.Length == 0 || p >= s.Length || s[p] != '到')
        {
            return 0;
        }

        var second = ReadNumberWithUnit(s, p + 1, options, out var high, out var secondUnit, out var secondUnitLength);
        if (second == 0)
        {
            return 0;
        }

        quantity = low.Written + "~" + high;
        unit = secondUnit;
        return p + 1 + second + secondUnitLength - pos;
    }

    private int ReadNumberWithUnit(string s, int pos, ItnOptions options, out string number, out string unit, out int unitLength)
    {
        number = unit = "";
        unitLength = 0;

        // The unit may start inside what reads as a number (一千克, 三百一十一千米): try each place where
        // a unit begins, earliest first, so the longer unit wins unless the 0–9 option forbids the
        // one-digit number it leaves (then 一千克 is 1000g).
        var limit = Math.Min(s.Length, pos + MaxNumberLength);
        for (var k = pos + 1; k < limit && (ChineseNumerals.IsNumeral(s[k - 1]) || ChineseNumerals.IsPoint(s[k - 1])); k++)
        {
            var length = lexicon.Units.Match(s, k, out var symbol);
            if (length == 0)
            {
                continue;
            }

            var quantity = ChineseQuantityParser.Parse(k == s.Length ? s : s[..k], pos, allowBareRange: true, options.Style);
            if (quantity.Length != k - pos || (quantity.IsSingleDigit && !options.ConvertZeroToNine))
            {
                continue;
            }

            number = quantity.Written;
            unit = symbol;
            unitLength = length;
            return quantity.Length;
        }

        return 0;
    }
}

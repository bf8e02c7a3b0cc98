namespace Streaming.Text.Chinese;

/// <summary>Fractions: 十六分之三 → 3/16, 负十二分之七 → -7/12.</summary>
internal sealed class ChineseFractionRule : IChineseRule
{
    public ItnClass Class => ItnClass.Fraction;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var signLength = ChineseSign.Read(s, pos, out var sign);
        var p = pos + signLength;
        var denominator = ChineseCardinalParser.Parse(s, p, options.Style);
        p += denominator.Length;
        if (denominator.Length == 0 || p + 1 >= s.Length || s[p] != '分' || s[p + 1] != '之')
        {
            return 0;
        }

        p += 2;
        var numerator = ChineseQuantityParser.Parse(s, p, allowBareRange: false, options.Style);
        if (numerator.Length == 0)
        {
            return 0;
        }

        written = sign + numerator.Written + "/" + denominator.Written;
        return p + numerator.Length - pos;
    }
}

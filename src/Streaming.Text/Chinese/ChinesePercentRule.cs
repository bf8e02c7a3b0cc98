namespace Streaming.Text.Chinese;

/// <summary>
/// Percentages: 百分之三十五 → 35%, 百分百 → 100%, 负的百分之二十 → -20%, and ranges
/// 百分之三十到(百分之)四十 → 30~40%.
/// </summary>
internal sealed class ChinesePercentRule : IChineseRule
{
    public ItnClass Class => ItnClass.Percent;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var p = pos;
        var sign = "";
        if (p < s.Length && s[p] == '负')
        {
            sign = "-";
            p += p + 1 < s.Length && s[p + 1] == '的' ? 2 : 1;
        }

        var first = ReadPercent(s, p, requirePrefix: true, options.Style, out var low);
        if (first == 0)
        {
            return 0;
        }

        p += first;
        written = sign + low;
        if (p < s.Length && s[p] == '到')
        {
            var second = ReadPercent(s, p + 1, requirePrefix: false, options.Style, out var high);
            if (second > 0)
            {
                written += "~" + high;
                p += 1 + second;
            }
        }

        written += "%";
        return p - pos;
    }

    // 百分之N, 百分N or 百分百; after 到 the 百分之 may be dropped.
    private static int ReadPercent(string s, int pos, bool requirePrefix, ItnStyle style, out string value)
    {
        value = "";
        var p = pos;
        if (p + 1 < s.Length && s[p] == '百' && s[p + 1] == '分')
        {
            p += 2;
            if (p < s.Length && s[p] == '之')
            {
                p++;
            }
        }
        else if (requirePrefix)
        {
            return 0;
        }

        if (p > pos && p < s.Length && s[p] == '百' && (p + 1 >= s.Length || !ChineseNumerals.IsNumeral(s[p + 1])))
        {
            value = "100";
            return p + 1 - pos;
        }

        var number = ChineseQuantityParser.Parse(s, p, allowBareRange: false, style);
        if (number.Length == 0 || number.HasBigUnit)
        {
            return 0;
        }

        value = number.Written;
        return p + number.Length - pos;
    }
}

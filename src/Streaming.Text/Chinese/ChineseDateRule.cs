using System.Globalization;

namespace Streaming.Text.Chinese;

/// <summary>
/// Dates. The caption style keeps the date words and drops leading zeros (二零二五年三月五日 →
/// 2025年3月5日, 八月八号 → 8月8号). The WeText style joins month and day with slashes after a year said
/// digit by digit (二零零八年八月八日 → 2008/08/08); a year said as a cardinal keeps 年 (两千零五年八月五号
/// → 2005年08/05); month and day alone become 08/08. A year alone keeps 年 in both (二零二五年 → 2025年).
/// </summary>
internal sealed class ChineseDateRule : IChineseRule
{
    public ItnClass Class => ItnClass.Date;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var yearLength = ReadYear(s, pos, out var year, out var spelled);
        var p = pos + yearLength;
        var monthLength = ReadPart(s, p, 1, 12, "月", out var month);
        if (monthLength == 0)
        {
            if (yearLength == 0)
            {
                return 0;
            }

            written = year + "年";
            return yearLength;
        }

        p += monthLength;
        var dayLength = ReadPart(s, p, 1, 31, "日号號", out var day);
        p += dayLength;
        if (yearLength == 0 && dayLength == 0)
        {
            return 0;
        }

        if (options.Style == ItnStyle.Caption)
        {
            written = string.Create(CultureInfo.InvariantCulture, $"{(yearLength > 0 ? year + "年" : "")}{month}月{(dayLength > 0 ? day + s[p - 1].ToString() : "")}");
            return p - pos;
        }

        var monthDay = dayLength > 0 ? $"{month:D2}/{day:D2}" : string.Create(CultureInfo.InvariantCulture, $"{month:D2}");
        written = yearLength == 0
            ? monthDay
            : spelled ? $"{year}/{monthDay}"
            : dayLength > 0 ? $"{year}年{monthDay}" : $"{year}年{month}月";
        return p - pos;
    }

    // 二零零八年 (spelled, two to four digits) or 两千零五年 (a cardinal of at least 1000).
    private static int ReadYear(string s, int pos, out string year, out bool spelled)
    {
        year = "";
        spelled = false;
        var run = ChineseSpelledDigits.RunLength(s, pos, 5);
        if (run is >= 2 and <= 4 && pos + run < s.Length && s[pos + run] == '年')
        {
            year = ChineseSpelledDigits.ToDigits(s, pos, run);
            spelled = true;
            return run + 1;
        }

        var cardinal = ChineseCardinalParser.Parse(s, pos, ItnStyle.WeText);
        if (cardinal.Length > 0 && cardinal.Value is >= 1000 and < 10000 && pos + cardinal.Length < s.Length && s[pos + cardinal.Length] == '年')
        {
            year = cardinal.Written;
            return cardinal.Length + 1;
        }

        return 0;
    }

    private static int ReadPart(string s, int pos, int min, int max, string suffixes, out int value)
    {
        value = 0;
        var number = ChineseCardinalParser.Parse(s, pos, ItnStyle.WeText);
        var end = pos + number.Length;
        if (number.Length == 0 || number.HasBigUnit || end >= s.Length || !suffixes.Contains(s[end]) || number.Value < min || number.Value > max)
        {
            return 0;
        }

        value = (int)number.Value;
        return number.Length + 1;
    }
}

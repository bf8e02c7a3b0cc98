namespace Streaming.Text.Chinese;

/// <summary>
/// Clock times: 八点零五分 → 8:05, 十三点十分三十六秒 → 13:10:36, 上午八点半 → 8:30a.m. Minutes must be
/// said as 零X, 半 or with 十 so that 八点五 stays a decimal.
/// </summary>
internal sealed class ChineseTimeRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.Time;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var periodLength = lexicon.DayPeriods.Match(s, pos, out var suffix);
        var p = pos + periodLength;
        var hour = ChineseCardinalParser.Parse(s, p);
        p += hour.Length;
        if (hour.Length == 0 || hour.HasBigUnit || hour.Value > 24 || p >= s.Length || s[p] != '点')
        {
            return 0;
        }

        p++;
        int minute;
        var second = -1;
        if (p < s.Length && s[p] == '半')
        {
            minute = 30;
            p++;
        }
        else
        {
            var minuteLength = ReadSixtieth(s, p, out minute);
            if (minuteLength == 0)
            {
                return 0;
            }

            p += minuteLength;
            if (p < s.Length && s[p] == '分')
            {
                p++;
                var secondLength = ReadSixtieth(s, p, out var seconds);
                if (secondLength > 0 && p + secondLength < s.Length && s[p + secondLength] == '秒')
                {
                    second = seconds;
                    p += secondLength + 1;
                }
            }
        }

        var hourText = hour.Value == 0 ? "00" : hour.Written;
        written = second >= 0 ? $"{hourText}:{minute:D2}:{second:D2}{suffix}" : $"{hourText}:{minute:D2}{suffix}";
        return p - pos;
    }

    // 零五 or a cardinal from 10 to 59; a bare 五 is not a minute.
    private static int ReadSixtieth(string s, int pos, out int value)
    {
        value = 0;
        if (pos + 1 < s.Length && ChineseNumerals.Digit(s[pos]) == 0 && ChineseNumerals.Digit(s[pos + 1]) > 0)
        {
            value = ChineseNumerals.Digit(s[pos + 1]);
            return pos + 2 < s.Length && ChineseNumerals.IsNumeral(s[pos + 2]) ? 0 : 2;
        }

        var number = ChineseCardinalParser.Parse(s, pos);
        if (number.Length == 0 || number.HasBigUnit || number.Value < 10 || number.Value > 59)
        {
            return 0;
        }

        value = (int)number.Value;
        return number.Length;
    }
}

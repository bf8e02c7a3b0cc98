namespace Streaming.Text.Chinese;

/// <summary>
/// Clock times: 八点零五分 → 8:05, 十三点十分三十六秒 → 13:10:36. The caption style leaves the part of
/// the day as said and reads quarters (上午十点半 → 上午10:30, 五点一刻 → 5:15, 三点三刻 → 3:45); the WeText
/// style turns the part of the day into a suffix and pads midnight (上午八点半 → 8:30a.m.). Minutes must
/// be said as 零X, 半, a quarter or with 十 so that 八点五 stays a decimal.
/// </summary>
internal sealed class ChineseTimeRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.Time;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var caption = options.Style == ItnStyle.Caption;
        var suffix = "";
        var periodLength = caption ? 0 : lexicon.DayPeriods.Match(s, pos, out suffix);
        var p = pos + periodLength;
        var hour = ChineseCardinalParser.Parse(s, p, options.Style);
        p += hour.Length;
        if (hour.Length == 0 || hour.HasBigUnit || hour.Value > 24 || p >= s.Length || !ChineseNumerals.IsPoint(s[p]))
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
        else if (caption && p + 1 < s.Length && s[p + 1] == '刻' && s[p] is ('一' or '三'))
        {
            minute = s[p] == '一' ? 15 : 45;
            p += 2;
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

        var hourText = hour.Value == 0 && !caption ? "00" : hour.Written;
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

        var number = ChineseCardinalParser.Parse(s, pos, ItnStyle.WeText);
        if (number.Length == 0 || number.HasBigUnit || number.Value < 10 || number.Value > 59)
        {
            return 0;
        }

        value = (int)number.Value;
        return number.Length;
    }
}

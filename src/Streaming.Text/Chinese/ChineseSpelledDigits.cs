namespace Streaming.Text.Chinese;

/// <summary>Reads runs of digits said one by one (幺三八…) into ASCII digits.</summary>
internal static class ChineseSpelledDigits
{
    /// <summary>Length of the run of spelled digits at <paramref name="pos"/>.</summary>
    public static int RunLength(string s, int pos, int max = int.MaxValue)
    {
        var end = pos;
        while (end < s.Length && end - pos < max && ChineseNumerals.SpelledDigit(s[end]) >= 0)
        {
            end++;
        }

        return end - pos;
    }

    /// <summary>The ASCII digits of <paramref name="length"/> spelled digits at <paramref name="pos"/>.</summary>
    public static string ToDigits(string s, int pos, int length) =>
        string.Create(length, (s, pos), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + ChineseNumerals.SpelledDigit(state.s[state.pos + i]));
            }
        });
}

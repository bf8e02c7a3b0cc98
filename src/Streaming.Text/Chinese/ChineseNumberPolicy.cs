namespace Streaming.Text.Chinese;

/// <summary>Decides whether a plain number may be rewritten in its context, guarding against over-conversion.</summary>
internal static class ChineseNumberPolicy
{
    /// <summary>
    /// False for vague amounts next to 几 (十几万), for one-digit numbers when 0–9 conversion is off,
    /// for a 两 that counts nothing, and for numbers with no unit or classifier after them when standalone numbers are off.
    /// The caption style also keeps a one-digit number that counts nothing (一看就懂, 他说五), since
    /// 一 + verb and similar uses are too many to list as protected words.
    /// </summary>
    public static bool Allows(ChineseLexicon lexicon, string s, int start, ChineseNumber number, ItnOptions options)
    {
        var end = start + number.Length;
        if ((start > 0 && IsJi(s[start - 1])) || (end < s.Length && IsJi(s[end])))
        {
            return false;
        }

        if (number.IsSingleDigit && !options.ConvertZeroToNine)
        {
            return false;
        }

        // 两 only counts things (两年, 两个); elsewhere it is the weight unit (二两).
        if (number.IsSingleDigit && (ChineseNumerals.IsLiang(s[start]) || options.Style == ItnStyle.Caption) && !lexicon.StartsQuantityWord(s, end))
        {
            return false;
        }

        return options.StandaloneNumbers || number.HasBigUnit || lexicon.StartsQuantityWord(s, end);
    }

    private static bool IsJi(char c) => c is '几' or '幾';
}

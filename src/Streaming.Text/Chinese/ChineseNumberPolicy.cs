namespace Streaming.Text.Chinese;

/// <summary>Decides whether a plain number may be rewritten in its context, guarding against over-conversion.</summary>
internal static class ChineseNumberPolicy
{
    /// <summary>
    /// False for vague amounts next to 几 (十几万), for one-digit numbers when 0–9 conversion is off,
    /// for a 两 that counts nothing, and for numbers with no unit or classifier after them when standalone numbers are off.
    /// </summary>
    public static bool Allows(ChineseLexicon lexicon, string s, int start, ChineseNumber number, ItnOptions options)
    {
        var end = start + number.Length;
        if ((start > 0 && s[start - 1] == '几') || (end < s.Length && s[end] == '几'))
        {
            return false;
        }

        if (number.IsSingleDigit && !options.ConvertZeroToNine)
        {
            return false;
        }

        // 两 only counts things (两年, 两个); elsewhere it is the weight unit (二两).
        if (number.IsSingleDigit && s[start] == '两' && !lexicon.StartsQuantityWord(s, end))
        {
            return false;
        }

        return options.StandaloneNumbers || number.HasBigUnit || lexicon.StartsQuantityWord(s, end);
    }
}

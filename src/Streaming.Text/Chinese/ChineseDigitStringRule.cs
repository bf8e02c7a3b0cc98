namespace Streaming.Text.Chinese;

/// <summary>
/// Telephone, ID and other codes said digit by digit: 幺三八零零一三八零零零 → 13800138000. Needs at
/// least three digits so pairs like 七八 stay available to ranges, and an ID may end in X.
/// </summary>
internal sealed class ChineseDigitStringRule : IChineseRule
{
    public ItnClass Class => ItnClass.Telephone;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var length = ChineseSpelledDigits.RunLength(s, pos);
        var end = pos + length;
        if (length < 3 || (end < s.Length && (ChineseNumerals.Multiplier(s[end]) > 0 || ChineseNumerals.BigUnitExponent(s[end]) > 0)))
        {
            return 0;
        }

        written = ChineseSpelledDigits.ToDigits(s, pos, length);
        if (length == 17 && end < s.Length && s[end] is 'X' or 'x')
        {
            written += "X";
            length++;
        }

        return length;
    }
}

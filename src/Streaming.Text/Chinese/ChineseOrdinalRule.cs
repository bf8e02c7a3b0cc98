namespace Streaming.Text.Chinese;

/// <summary>Ordinals: 第三十 → 第30; a one-digit ordinal follows the 0–9 option.</summary>
internal sealed class ChineseOrdinalRule : IChineseRule
{
    public ItnClass Class => ItnClass.Ordinal;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        if (s[pos] != '第')
        {
            return 0;
        }

        var number = ChineseCardinalParser.Parse(s, pos + 1, options.Style);
        if (number.Length == 0 || (number.IsSingleDigit && !options.ConvertZeroToNine))
        {
            return 0;
        }

        written = "第" + number.Written;
        return 1 + number.Length;
    }
}

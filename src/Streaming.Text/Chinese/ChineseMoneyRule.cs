namespace Streaming.Text.Chinese;

/// <summary>
/// Money. The caption style keeps the currency word after the amount (三百五十元 → 350元, 一点五亿元 →
/// 1.5亿元, 五千美元 → 5000美元), and 角/分 after 元 are read as counted units. The WeText style writes
/// symbol + amount (三十四点五二一元 → ¥34.521, 八九千美元 → $8000~9000) and turns 元 with 角/毛 and 分
/// into a decimal (二十五元三毛 → ¥25.3). Both keep the colloquial 块 form (十二块五 → 12块5).
/// </summary>
internal sealed class ChineseMoneyRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.Money;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var amount = ChineseQuantityParser.Parse(s, pos, allowBareRange: true, options.Style);
        if (amount.Length == 0)
        {
            return 0;
        }

        var p = pos + amount.Length;
        var currencyLength = lexicon.Currencies.Match(s, p, out var symbol);
        if (currencyLength > 0)
        {
            if (options.Style == ItnStyle.Caption)
            {
                written = amount.Written + s.Substring(p, currencyLength);
                return amount.Length + currencyLength;
            }

            p += currencyLength;
            written = symbol + amount.Written;
            if (s[p - 1] == '元' && !amount.HasBigUnit && !amount.Written.Contains('.'))
            {
                p += ReadSubunits(s, p, ref written);
            }

            return p - pos;
        }

        if (p + 1 < s.Length && s[p] == '块' && ChineseNumerals.Digit(s[p + 1]) > 0 && !ChineseNumerals.IsNumeral(Peek(s, p + 2)))
        {
            written = amount.Written + "块" + ChineseNumerals.Digit(s[p + 1]);
            p += 2;
            if (p < s.Length && s[p] is '毛' or '角')
            {
                written += s[p];
                p++;
            }

            return p - pos;
        }

        return 0;
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    // 五角八分 after 元: tenths then hundredths.
    private static int ReadSubunits(string s, int p, ref string written)
    {
        var tenths = ChineseNumerals.Digit(Peek(s, p));
        if (tenths < 0 || Peek(s, p + 1) is not ('角' or '毛'))
        {
            return 0;
        }

        var consumed = 2;
        var fraction = tenths.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hundredths = ChineseNumerals.Digit(Peek(s, p + 2));
        if (hundredths >= 0 && Peek(s, p + 3) == '分')
        {
            fraction += hundredths.ToString(System.Globalization.CultureInfo.InvariantCulture);
            consumed = 4;
        }

        written += "." + fraction;
        return consumed;
    }
}

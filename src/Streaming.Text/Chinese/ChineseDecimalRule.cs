namespace Streaming.Text.Chinese;

/// <summary>Decimals: 三点一四 → 3.14, 负零点五 → -0.5, 六点四二万 → 6.42万.</summary>
internal sealed class ChineseDecimalRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.Decimal;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var signLength = ChineseSign.Read(s, pos, out var sign);
        var start = pos + signLength;
        var number = ChineseQuantityParser.ParseDecimal(s, start, ChineseCardinalParser.Parse(s, start, options.Style));
        if (number.Length == 0 || !ChineseNumberPolicy.Allows(lexicon, s, start, number, options))
        {
            return 0;
        }

        written = sign + number.Written;
        return signLength + number.Length;
    }
}

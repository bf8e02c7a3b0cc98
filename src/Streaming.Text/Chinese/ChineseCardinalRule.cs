namespace Streaming.Text.Chinese;

/// <summary>
/// Plain numbers and approximate ranges (三百二十 → 320, 三四十万 → 30~40万), with the standalone and
/// single-digit options deciding whether an unattached or one-digit number is rewritten.
/// </summary>
internal sealed class ChineseCardinalRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.Cardinal;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        var signLength = ChineseSign.Read(s, pos, out var sign);
        var start = pos + signLength;
        var number = ChineseCardinalParser.Parse(s, start, options.Style);
        var range = ChineseRangeParser.Parse(s, start, allowBareRange: false);
        if (range.Length == 0)
        {
            // 五六个人 → 5~6个人: two bare digits are a range only when they count something.
            var bare = ChineseRangeParser.Parse(s, start, allowBareRange: true);
            range = lexicon.StartsQuantityWord(s, start + bare.Length) ? bare : default;
        }

        if (range.Length > number.Length)
        {
            number = range;
        }

        if (number.Length == 0 || !ChineseNumberPolicy.Allows(lexicon, s, start, number, options))
        {
            return 0;
        }

        written = sign + number.Written;
        return signLength + number.Length;
    }
}

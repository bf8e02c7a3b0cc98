namespace Streaming.Text.Chinese;

/// <summary>Train numbers: a class character and two to four spelled digits, 高一二三 → G123.</summary>
internal sealed class ChineseTrainNumberRule(ChineseLexicon lexicon) : IChineseRule
{
    public ItnClass Class => ItnClass.TrainNumber;

    public int Match(string s, int pos, ItnOptions options, out string written)
    {
        written = "";
        if (lexicon.TrainPrefixes.Match(s, pos, out var letter) != 1)
        {
            return 0;
        }

        var length = ChineseSpelledDigits.RunLength(s, pos + 1);
        var end = pos + 1 + length;
        if (length is < 2 or > 4 || (end < s.Length && ChineseNumerals.IsNumeral(s[end])))
        {
            return 0;
        }

        written = letter + ChineseSpelledDigits.ToDigits(s, pos + 1, length);
        return 1 + length;
    }
}

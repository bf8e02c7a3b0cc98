namespace Streaming.Text.English;

/// <summary>Percentages: "eighteen point one four percent" → 18.14 %.</summary>
internal sealed class EnglishPercentRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Percent;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        written = "";
        var number = reader.Amount(t, i);
        var p = i + number.Count;
        if (number.Count == 0)
        {
            return 0;
        }

        var words = t[p] == "percent" ? 1 : t[p] == "per" && t[p + 1] == "cent" ? 2 : 0;
        if (words == 0)
        {
            return 0;
        }

        written = number.Written + " %";
        return number.Count + words;
    }
}

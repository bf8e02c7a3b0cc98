namespace Streaming.Text.English;

/// <summary>Quantities with units: "two hundred kilometers per hour" → 200 km/h, "two square miles" → 2 sq mi.</summary>
internal sealed class EnglishMeasureRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Measure;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        written = "";
        var number = reader.Amount(t, i);
        if (number.Count == 0)
        {
            return 0;
        }

        var unitWords = reader.Lexicon.Units.Match(t, i + number.Count, out var symbol);
        if (unitWords == 0)
        {
            return 0;
        }

        written = number.Written + " " + symbol;
        return number.Count + unitWords;
    }
}

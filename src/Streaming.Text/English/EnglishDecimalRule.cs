namespace Streaming.Text.English;

/// <summary>Decimals: "eighteen point o five" → 18.05, "point zero two" → .02, "five point two million" → 5.2 million.</summary>
internal sealed class EnglishDecimalRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Decimal;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        var number = reader.Amount(t, i);
        written = number.Written;
        return number.Count > 0 && number.Written.Contains('.') ? number.Count : 0;
    }
}

namespace Streaming.Text.English;

/// <summary>
/// Plain numbers ("minus twenty five thousand thirty seven" → -25037). A lone digit word follows the
/// 0–9 option and any bare number the standalone option.
/// </summary>
internal sealed class EnglishCardinalRule(EnglishNumberReader reader) : IEnglishRule
{
    public ItnClass Class => ItnClass.Cardinal;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        var number = reader.Amount(t, i);
        written = number.Written;
        if (number.Count == 0 || number.Written.Contains('.') || !options.StandaloneNumbers || (number.IsSingleDigit && !options.ConvertZeroToNine))
        {
            return 0;
        }

        return number.Count;
    }
}

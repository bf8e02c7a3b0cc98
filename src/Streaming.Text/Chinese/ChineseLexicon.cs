namespace Streaming.Text.Chinese;

/// <summary>The Chinese rule tables, loaded once from embedded resources and shared by all rules.</summary>
internal sealed class ChineseLexicon
{
    /// <summary>The shared instance.</summary>
    public static ChineseLexicon Instance { get; } = new();

    private ChineseLexicon()
    {
    }

    public PhraseTable Units { get; } = new("zh_units.tsv");
    public PhraseTable RateUnits { get; } = new("zh_rate_units.tsv");
    public PhraseTable Currencies { get; } = new("zh_currencies.tsv");
    public PhraseTable Classifiers { get; } = new("zh_classifiers.tsv");
    public PhraseTable Protected { get; } = new("zh_protected.tsv");
    public PhraseTable Whitelist { get; } = new("zh_whitelist.tsv");
    public PhraseTable Fillers { get; } = new("zh_fillers.tsv");
    public PhraseTable Provinces { get; } = new("zh_provinces.tsv");
    public PhraseTable TrainPrefixes { get; } = new("zh_train_prefixes.tsv");
    public PhraseTable DayPeriods { get; } = new("zh_day_periods.tsv");
    public PhraseTable MathOperators { get; } = new("zh_math_operators.tsv");

    /// <summary>Whether what follows <paramref name="pos"/> makes a number a counted quantity (年, 人, 公里, 元…).</summary>
    public bool StartsQuantityWord(string s, int pos) =>
        pos < s.Length
        && (Classifiers.Match(s, pos, out _) > 0 || Units.Match(s, pos, out _) > 0 || Currencies.Match(s, pos, out _) > 0);
}

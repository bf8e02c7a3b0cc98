using System.Collections.Frozen;
using System.Globalization;

namespace Streaming.Text.English;

/// <summary>The English rule tables, loaded once from embedded resources.</summary>
internal sealed class EnglishLexicon
{
    /// <summary>The shared instance.</summary>
    public static EnglishLexicon Instance { get; } = new();

    private readonly FrozenDictionary<string, int> _numberValues;
    private readonly FrozenDictionary<string, int> _scaleExponents;

    private EnglishLexicon()
    {
        _numberValues = ToNumbers("en_number_words.tsv");
        _scaleExponents = ToNumbers("en_scale_words.tsv");
    }

    public WordPhraseTable OrdinalWords { get; } = new("en_ordinal_words.tsv");
    public WordPhraseTable DecadeWords { get; } = new("en_decade_words.tsv");
    public WordPhraseTable Months { get; } = new("en_months.tsv");
    public WordPhraseTable Currencies { get; } = new("en_currencies.tsv");
    public WordPhraseTable CentWords { get; } = new("en_cent_words.tsv");
    public WordPhraseTable TimeSuffixes { get; } = new("en_time_suffixes.tsv");
    public WordPhraseTable Eras { get; } = new("en_eras.tsv");
    public WordPhraseTable Fillers { get; } = new("en_fillers.tsv");
    public WordPhraseTable Whitelist { get; } = new("en_whitelist.tsv");
    public WordPhraseTable Units { get; } = new("en_units.tsv");

    /// <summary>Value of a number word (zero…ninety), or -1.</summary>
    public int NumberValue(string word) => _numberValues.TryGetValue(word, out var v) ? v : -1;

    /// <summary>Power of ten of a scale word (thousand → 3), or 0.</summary>
    public int ScaleExponent(string word) => _scaleExponents.TryGetValue(word, out var v) ? v : 0;

    private static FrozenDictionary<string, int> ToNumbers(string resourceName) =>
        ResourceTable.Load(resourceName).ToFrozenDictionary(e => e.Key, e => int.Parse(e.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Value of a digit said alone, including "o"/"oh" for zero, or -1.</summary>
    public int DigitValue(string word) => word is "o" or "oh" ? 0 : NumberValue(word) is var v and >= 0 and <= 9 ? v : -1;
}

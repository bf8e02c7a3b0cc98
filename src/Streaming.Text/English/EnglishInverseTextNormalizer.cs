using Streaming.Text.English;

namespace Streaming.Text;

/// <summary>
/// Inverse text normalisation of English: at each word every enabled class rule is tried and the
/// longest match wins (earlier rules win ties). Words are re-joined with single spaces. Construct
/// once and share.
/// </summary>
public sealed class EnglishInverseTextNormalizer : IInverseTextNormalizer
{
    private readonly EnglishLexicon _lexicon = EnglishLexicon.Instance;
    private readonly IEnglishRule[] _rules;

    /// <summary>Creates the normaliser; the rule tables are shared by all instances.</summary>
    public EnglishInverseTextNormalizer()
    {
        var reader = new EnglishNumberReader(_lexicon);
        var ordinals = new EnglishOrdinalRule(reader);
        _rules =
        [
            new EnglishWhitelistRule(_lexicon),
            new EnglishDateRule(reader, ordinals),
            new EnglishTimeRule(reader),
            new EnglishElectronicRule(reader),
            new EnglishTelephoneRule(reader),
            new EnglishMoneyRule(reader),
            new EnglishPercentRule(reader),
            ordinals,
            new EnglishMeasureRule(reader),
            new EnglishCodeRule(reader),
            new EnglishDecimalRule(reader),
            new EnglishCardinalRule(reader),
        ];
    }

    /// <inheritdoc />
    /// <remarks>A lone digit word ("one of the") stays a word in English, so 0–9 conversion is off.</remarks>
    public ItnOptions DefaultOptions { get; } = new() { ConvertZeroToNine = false };

    /// <inheritdoc />
    /// <remarks>English has one style: returns itself.</remarks>
    public IInverseTextNormalizer WithStyle(ItnStyle style) => this;

    /// <inheritdoc />
    public ItnResult Normalize(string spoken, ItnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spoken);
        options ??= DefaultOptions;
        var tokens = new EnglishTokens(spoken);
        var writer = new ItnWriter(spoken);
        var previousCopied = false;
        var i = 0;
        while (i < tokens.Count)
        {
            if (options.RemoveFillers && _lexicon.Fillers.Match(tokens, i, out _) is var fillers and > 0)
            {
                writer.Emit(tokens.Start(i), tokens.Length(i), "", ItnClass.None);
                i += fillers;
                continue;
            }

            IEnglishRule? best = null;
            var bestCount = 0;
            var bestText = "";
            foreach (var rule in _rules)
            {
                if (options.IsEnabled(rule.Class) && rule.Match(tokens, i, options, out var text) is var count && count > bestCount)
                {
                    best = rule;
                    bestCount = count;
                    bestText = text;
                }
            }

            var glued = best is null && previousCopied && tokens.IsAttached(i);
            if (writer.Length > 0 && !glued)
            {
                writer.Separate(" ");
            }

            if (best is null)
            {
                writer.Copy(tokens.Start(i), tokens.Length(i));
                previousCopied = true;
                i++;
                continue;
            }

            var last = i + bestCount - 1;
            writer.Emit(tokens.Start(i), tokens.Start(last) + tokens.Length(last) - tokens.Start(i), bestText, best.Class);
            previousCopied = false;
            i += bestCount;
        }

        return writer.ToResult();
    }
}

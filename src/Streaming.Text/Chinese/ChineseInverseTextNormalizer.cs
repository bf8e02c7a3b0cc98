using Streaming.Text.Chinese;

namespace Streaming.Text;

/// <summary>
/// Inverse text normalisation of Mandarin: at each position every enabled class rule is tried and
/// the longest match wins (earlier rules win ties); protected words (一起, 十全十美) win ties too,
/// so numerals inside words and idioms are left alone. Construct once and share.
/// </summary>
public sealed class ChineseInverseTextNormalizer : IInverseTextNormalizer
{
    private readonly ChineseLexicon _lexicon = ChineseLexicon.Instance;
    private readonly IChineseRule[] _rules;

    /// <summary>Creates the normaliser writing <paramref name="style"/> by default; the rule tables are shared by all instances.</summary>
    public ChineseInverseTextNormalizer(ItnStyle style = ItnStyle.Caption)
    {
        DefaultOptions = new ItnOptions { Style = style };
        _rules =
        [
            new ChineseWhitelistRule(_lexicon),
            new ChineseDateRule(),
            new ChineseTimeRule(_lexicon),
            new ChineseIpAddressRule(),
            new ChinesePercentRule(),
            new ChineseFractionRule(),
            new ChineseMoneyRule(_lexicon),
            new ChineseMeasureRule(_lexicon),
            new ChineseLicensePlateRule(_lexicon),
            new ChineseTrainNumberRule(_lexicon),
            new ChineseMathRule(_lexicon),
            new ChineseDigitStringRule(),
            new ChineseOrdinalRule(),
            new ChineseDecimalRule(_lexicon),
            new ChineseCardinalRule(_lexicon),
        ];
    }

    /// <inheritdoc />
    /// <remarks>Standalone numbers, 0–9 conversion and filler removal are all on.</remarks>
    public ItnOptions DefaultOptions { get; }

    /// <inheritdoc />
    public IInverseTextNormalizer WithStyle(ItnStyle style) => style == DefaultOptions.Style ? this : new ChineseInverseTextNormalizer(style);

    /// <inheritdoc />
    public ItnResult Normalize(string spoken, ItnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spoken);
        options ??= DefaultOptions;
        var writer = new ItnWriter(spoken);
        var pos = 0;
        while (pos < spoken.Length)
        {
            if (options.RemoveFillers && _lexicon.Fillers.Match(spoken, pos, out _) is var fillerLength and > 0)
            {
                writer.Emit(pos, fillerLength, "", ItnClass.None);
                pos += fillerLength;
                continue;
            }

            var bestLength = _lexicon.Protected.Match(spoken, pos, out _);
            var protectedLength = bestLength;
            IChineseRule? bestRule = null;
            var bestText = "";
            if (ChineseNumerals.IsNumeral(spoken[pos]) || !char.IsAsciiLetterOrDigit(spoken[pos]))
            {
                foreach (var rule in _rules)
                {
                    if (options.IsEnabled(rule.Class) && rule.Match(spoken, pos, options, out var text) is var length && length > bestLength)
                    {
                        bestLength = length;
                        bestRule = rule;
                        bestText = text;
                    }
                }
            }

            if (bestRule is null)
            {
                var copy = Math.Max(protectedLength, 1);
                writer.Copy(pos, copy);
                pos += copy;
                continue;
            }

            // Two numbers written side by side (八百一千 → 800 1000) need a space to stay two numbers.
            if (char.IsAsciiDigit(writer.LastChar) && writer.LastClass != ItnClass.None && bestText.Length > 0 && char.IsAsciiDigit(bestText[0]))
            {
                writer.Separate(" ");
            }

            writer.Emit(pos, bestLength, bestText, bestRule.Class);
            pos += bestLength;
        }

        return writer.ToResult();
    }
}

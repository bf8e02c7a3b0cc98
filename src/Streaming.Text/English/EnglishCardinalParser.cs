using System.Globalization;
using System.Numerics;

namespace Streaming.Text.English;

/// <summary>
/// Reads English cardinals: "two hundred and fifty four", "eleven hundred twenty one",
/// "seventeen sextillion …". A number ending in million or larger keeps that word (400 million).
/// </summary>
internal sealed class EnglishCardinalParser(EnglishLexicon lexicon)
{
    private enum State
    {
        Start,
        Ones,
        Teen,
        Tens,
        Hundred,
        Scale,
        And,
    }

    /// <summary>The longest cardinal at the start of <paramref name="words"/>; Count 0 when none.</summary>
    public EnglishNumber Parse(ReadOnlySpan<string> words)
    {
        if (words.Length == 0)
        {
            return default;
        }

        if (words[0] == "zero")
        {
            return new EnglishNumber(1, 0, "0", true);
        }

        BigInteger total = 0;
        var group = 0;
        var state = State.Start;
        var lastExponent = int.MaxValue;
        var consumed = 0;
        var endExponent = 0;
        for (var k = 0; k < words.Length; k++)
        {
            var word = words[k];
            var value = lexicon.NumberValue(word);
            var exponent = lexicon.ScaleExponent(word);
            if (value is >= 1 and <= 9 && (state is State.Start or State.Hundred or State.Scale or State.And || (state == State.Tens && group % 10 == 0)))
            {
                group += value;
                state = State.Ones;
            }
            else if (value is >= 10 and <= 19 && state is State.Start or State.Hundred or State.Scale or State.And)
            {
                group += value;
                state = State.Teen;
            }
            else if (value >= 20 && state is State.Start or State.Hundred or State.Scale or State.And)
            {
                group += value;
                state = State.Tens;
            }
            else if (word == "hundred" && state is State.Ones or State.Teen or State.Tens && group is > 0 and < 100)
            {
                group *= 100;
                state = State.Hundred;
            }
            else if (word == "and" && state is State.Hundred or State.Scale && lexicon.NumberValue(k + 1 < words.Length ? words[k + 1] : "") > 0)
            {
                state = State.And;
                continue;
            }
            else if (exponent > 0 && exponent < lastExponent && group > 0 && state != State.And && group < 1000)
            {
                total += group * BigInteger.Pow(10, exponent);
                group = 0;
                lastExponent = exponent;
                state = State.Scale;
            }
            else
            {
                break;
            }

            consumed = k + 1;
            endExponent = state == State.Scale ? exponent : 0;
        }

        if (consumed == 0)
        {
            return default;
        }

        total += group;
        var single = consumed == 1 && lexicon.NumberValue(words[0]) is >= 0 and <= 9;
        string written;
        if (endExponent >= 6)
        {
            var leading = total / BigInteger.Pow(10, endExponent);
            written = leading.ToString(CultureInfo.InvariantCulture) + " " + words[consumed - 1];
        }
        else
        {
            written = total.ToString(CultureInfo.InvariantCulture);
        }

        return new EnglishNumber(consumed, total, written, single);
    }
}

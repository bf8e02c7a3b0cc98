using System.Numerics;

namespace Streaming.Text.English;

/// <summary>Ordinals: "twenty first" → 21st, "one hundredth" → 100th. "a second" is a moment, not an ordinal.</summary>
internal sealed class EnglishOrdinalRule(EnglishNumberReader reader) : IEnglishRule
{
    private const int MaxWords = 12;

    public ItnClass Class => ItnClass.Ordinal;

    public int Match(EnglishTokens t, int i, ItnOptions options, out string written)
    {
        written = "";
        var count = Read(t, i, out var value);
        if (count == 0 || (count == 1 && i > 0 && t[i - 1] == "a"))
        {
            return 0;
        }

        written = EnglishNumberReader.Format(value) + Suffix(value);
        return count;
    }

    /// <summary>Tokens of the ordinal at <paramref name="i"/> (0 if none) and its value.</summary>
    public int Read(EnglishTokens t, int i, out BigInteger value)
    {
        value = 0;
        for (var j = i; j < t.Count && j - i < MaxWords; j++)
        {
            if (reader.Lexicon.OrdinalWords.TryGet(t[j], out var cardinalWord))
            {
                var words = t.Words[i..(j + 1)].ToArray();
                words[^1] = cardinalWord;
                var number = reader.Cardinal(words);
                if (number.Count != words.Length)
                {
                    return 0;
                }

                value = number.Value;
                return words.Length;
            }

            if (reader.Lexicon.NumberValue(t[j]) < 0 && reader.Lexicon.ScaleExponent(t[j]) == 0 && t[j] is not ("hundred" or "and"))
            {
                return 0;
            }
        }

        return 0;
    }

    private static string Suffix(BigInteger value)
    {
        var lastTwo = (int)(value % 100);
        if (lastTwo is >= 11 and <= 13)
        {
            return "th";
        }

        return (lastTwo % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
    }
}

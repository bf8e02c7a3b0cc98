using System.Globalization;
using Streaming.Asr.Keywords;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Spells a Chinese phrase in a pinyin model's tokens the way sherpa-onnx's keyword files do: each syllable as its
/// initial and its toned final (<c>文森</c> → <c>w én s ēn</c>; a syllable without an initial is its final alone,
/// <c>儿</c> → <c>ér</c>). A polyphone contributes every reading <see cref="UnihanReadings"/> gives it that the
/// tokens can write, so a phrase has several spellings; they come most customary first (fewest uncommon readings),
/// at most <see cref="MaxSpellings"/> of them. Latin letters are spelt by the model's capital-letter tokens; spaces
/// and punctuation are skipped; anything else (digits, symbols, a character without a reading) is refused.
/// Thread-safe.
/// </summary>
public sealed class PinyinSpeller
{
    /// <summary>Spellings kept per phrase by default: enough for the usual polyphones without flooding the search.</summary>
    public const int DefaultMaxSpellings = 8;

    private readonly UnihanReadings _readings;
    private readonly HashSet<string> _tokens;

    /// <summary>Creates a speller over a model's token symbols.</summary>
    public PinyinSpeller(UnihanReadings readings, IEnumerable<string> tokens, int maxSpellings = DefaultMaxSpellings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSpellings, 1);
        _readings = readings;
        _tokens = new HashSet<string>(tokens.Select(t => t.Normalize()), StringComparer.Ordinal);
        MaxSpellings = maxSpellings;
    }

    /// <summary>Most spellings <see cref="Spell"/> returns for one phrase.</summary>
    public int MaxSpellings { get; }

    /// <summary>The token spellings of <paramref name="phrase"/>, most customary first; never empty.</summary>
    /// <exception cref="KeywordException">Some character cannot be spelt; the message names it.</exception>
    public IReadOnlyList<string[]> Spell(string phrase)
    {
        var choices = new List<List<string[]>>();
        var elements = StringInfo.GetTextElementEnumerator(phrase);
        while (elements.MoveNext())
        {
            string element = elements.GetTextElement();
            if (Choices(element, phrase) is { } options)
            {
                choices.Add(options);
            }
        }

        if (choices.Count == 0)
        {
            throw new KeywordException($"Keyword '{phrase}' has nothing to spell.");
        }

        return Combine(choices);
    }

    // The ways to spell one character, or null for one that is skipped.
    private List<string[]>? Choices(string element, string phrase)
    {
        int codePoint = char.ConvertToUtf32(element, 0);
        if (char.IsWhiteSpace(element[0]) || char.IsPunctuation(element[0]))
        {
            return null;
        }

        if (char.IsAsciiLetter(element[0]))
        {
            string letter = element.ToUpperInvariant();
            return _tokens.Contains(letter)
                ? [[letter]]
                : throw new KeywordException($"Keyword '{phrase}' cannot be spelt: the model has no token for the letter '{element}'.");
        }

        if (char.IsDigit(element[0]))
        {
            throw new KeywordException($"Keyword '{phrase}' cannot be spelt: write the number '{element}' in Chinese characters (三, not 3).");
        }

        var readings = _readings.Of(codePoint);
        var options = new List<string[]>();
        foreach (string reading in readings)
        {
            if (Syllable(reading) is { } tokens && !options.Any(o => o.SequenceEqual(tokens)))
            {
                options.Add(tokens);
            }
        }

        return options.Count > 0
            ? options
            : throw new KeywordException(readings.Count == 0
                ? $"Keyword '{phrase}' cannot be spelt: the dictionary has no pinyin for '{element}' (U+{codePoint:X4})."
                : $"Keyword '{phrase}' cannot be spelt: the model's tokens cannot write '{element}' (U+{codePoint:X4}) read as {string.Join(", ", readings)}.");
    }

    // "zhōng" → [zh, ōng]; "ér" → [ér]; null when the model has no token for a part.
    private string[]? Syllable(string reading)
    {
        int initial = reading.Length > 2 && PinyinSyllableAssembler.IsInitial(reading[..2]) ? 2
            : reading.Length > 1 && PinyinSyllableAssembler.IsInitial(reading[..1]) ? 1 : 0;
        string[] parts = initial == 0 ? [reading] : [reading[..initial], reading[initial..]];
        return parts.All(_tokens.Contains) ? parts : null;
    }

    // Spellings in order of how many steps each character is from its customary reading (the sum of the readings'
    // ranks), stopping at the cap: the all-customary spelling first, then those with one less usual reading, …
    private List<string[]> Combine(List<List<string[]>> choices)
    {
        var remainingMax = new int[choices.Count + 1];
        for (int i = choices.Count - 1; i >= 0; i--)
        {
            remainingMax[i] = remainingMax[i + 1] + choices[i].Count - 1;
        }

        var spellings = new List<string[]>();
        var picked = new int[choices.Count];
        for (int total = 0; total <= remainingMax[0] && spellings.Count < MaxSpellings; total++)
        {
            Pick(0, total);
        }

        return spellings;

        void Pick(int position, int rank)
        {
            if (spellings.Count == MaxSpellings)
            {
                return;
            }

            if (position == choices.Count)
            {
                spellings.Add([.. picked.Select((r, i) => choices[i][r]).SelectMany(t => t)]);
                return;
            }

            int lowest = Math.Max(0, rank - remainingMax[position + 1]);
            for (int r = lowest; r <= Math.Min(rank, choices[position].Count - 1); r++)
            {
                picked[position] = r;
                Pick(position + 1, rank - r);
            }
        }
    }
}

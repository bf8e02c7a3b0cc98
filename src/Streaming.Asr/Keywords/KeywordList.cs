using System.Globalization;
using Streaming.Asr.Text;

namespace Streaming.Asr.Keywords;

/// <summary>
/// Parses keyword lists: one keyword a line as people write it (<c>本次通话将被录音</c>, <c>refund</c>), optionally
/// with <c> :BOOST</c> (a number in (0, 100], per token) and <c> #THRESHOLD</c> (a number in (0, 1], the average
/// token probability that triggers a hit), in either order. A keyword may instead be spelt explicitly in the model's
/// tokens as sherpa-onnx's <c>keywords.txt</c> does: tokens, then <c>@</c> and the phrase
/// (<c>w én s ēn t è k ǎ s uǒ @文森特卡索</c>). Blank lines and lines starting with <c>#</c> are ignored; a word
/// starting with <c>:</c> or <c>#</c> is always read as an option, and one starting with <c>@</c> as the phrase.
/// </summary>
public static class KeywordList
{
    /// <summary>Longest phrase accepted, in characters (the same limit as hotwords').</summary>
    public const int MaxPhraseLength = Hotwords.HotwordList.MaxPhraseLength;

    /// <summary>Most tokens an explicit spelling may have.</summary>
    public const int MaxSpellingTokens = 2 * MaxPhraseLength;

    /// <summary>Most keywords one list may hold; the spotting graph of every stream grows with it.</summary>
    public const int MaxKeywords = 1000;

    /// <summary>Parses list lines; <paramref name="source"/> names them in errors.</summary>
    /// <exception cref="KeywordException">A line is malformed or there are too many; the message gives source and line.</exception>
    public static IReadOnlyList<Keyword> Parse(IEnumerable<string> lines, string source)
    {
        var keywords = new List<Keyword>();
        foreach (var (line, where) in PhraseListSyntax.Entries(lines, source))
        {
            if (keywords.Count == MaxKeywords)
            {
                throw new KeywordException($"{where}: more than {MaxKeywords} keywords; at most {MaxKeywords} are allowed.");
            }

            keywords.Add(ParseLine(line, where));
        }

        return keywords;
    }

    /// <summary>Reads and parses a UTF-8 list file.</summary>
    public static IReadOnlyList<Keyword> Load(string path) =>
        Parse(PhraseListSyntax.ReadLines(path, p => new KeywordException($"Keyword file '{p}' does not exist.")), path);

    /// <summary>
    /// Global and session lists as one: a phrase in both keeps the session's settings (the client asked for them
    /// explicitly); order is global first.
    /// </summary>
    public static IReadOnlyList<Keyword> Merge(IReadOnlyList<Keyword> global, IReadOnlyList<Keyword> session) =>
        PhraseListSyntax.Merge(global, session, k => k.Phrase);

    private static Keyword ParseLine(string line, string where)
    {
        float? boost = null, threshold = null;
        var words = new List<string>();
        List<string>? spelling = null;
        foreach (string field in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            switch (field[0])
            {
                case ':':
                    boost = Option(boost, field, "boost", where, PhraseListSyntax.TryParseBoost, "(0, 100]");
                    break;
                case '#':
                    threshold = Option(threshold, field, "threshold", where, TryParseThreshold, "(0, 1]");
                    break;
                case '@':
                    if (spelling is not null)
                    {
                        throw new KeywordException($"{where}: '@' appears twice; write the tokens, then '@' and the phrase once.");
                    }

                    spelling = [.. words];
                    words.Clear();
                    if (field.Length > 1)
                    {
                        words.Add(field[1..]);
                    }

                    break;
                default:
                    words.Add(field);
                    break;
            }
        }

        string phrase = string.Join(' ', words);
        if (phrase.Length == 0)
        {
            throw new KeywordException(spelling is null
                ? $"{where}: the line has options but no keyword."
                : $"{where}: nothing follows '@'; write the phrase after it (w én s ēn @文森).");
        }

        if (phrase.Length > MaxPhraseLength)
        {
            throw new KeywordException($"{where}: keyword is {phrase.Length} characters; at most {MaxPhraseLength} are allowed.");
        }

        if (spelling is { Count: 0 })
        {
            throw new KeywordException($"{where}: '@{phrase}' has no tokens before '@'; spell it (w én s ēn @文森) or drop the '@'.");
        }

        if (spelling?.Count > MaxSpellingTokens)
        {
            throw new KeywordException($"{where}: the spelling has {spelling.Count} tokens; at most {MaxSpellingTokens} are allowed.");
        }

        return new Keyword(phrase, boost, threshold, spelling);
    }

    private delegate bool NumberParser(string text, out float value);

    private static float Option(float? current, string field, string name, string where, NumberParser parse, string range)
    {
        string text = field[1..];
        if (current is not null)
        {
            throw new KeywordException($"{where}: {name} given twice ('{field}').");
        }

        return parse(text, out float value)
            ? value
            : throw new KeywordException($"{where}: {name} '{text}' must be a number in {range}.");
    }

    private static bool TryParseThreshold(string text, out float threshold) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold)
        && float.IsFinite(threshold) && threshold > 0 && threshold <= 1;
}

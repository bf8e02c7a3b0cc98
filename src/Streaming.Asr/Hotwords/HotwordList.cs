using System.Globalization;
using System.Text;

namespace Streaming.Asr.Hotwords;

/// <summary>
/// Parses hotword lists: one phrase a line, optionally followed by <c> :BOOST</c> (a positive number, per
/// token); blank lines and lines starting with <c>#</c> are ignored. Example: <c>ETF基金 :3</c>.
/// </summary>
public static class HotwordList
{
    /// <summary>Longest phrase accepted, in characters; longer lines are almost always a pasted paragraph.</summary>
    public const int MaxPhraseLength = 100;

    /// <summary>Parses list lines; <paramref name="source"/> names them in errors.</summary>
    /// <exception cref="HotwordException">A line is malformed; the message gives source and line number.</exception>
    public static IReadOnlyList<Hotword> Parse(IEnumerable<string> lines, string source)
    {
        var hotwords = new List<Hotword>();
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            hotwords.Add(ParseLine(line, $"{source}:{number}"));
        }

        return hotwords;
    }

    /// <summary>Reads and parses a UTF-8 list file.</summary>
    public static IReadOnlyList<Hotword> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HotwordException($"Hotword file '{path}' does not exist.");
        }

        return Parse(File.ReadAllLines(path, Encoding.UTF8), path);
    }

    /// <summary>
    /// Global and session lists as one: a phrase in both keeps the session's boost (the client asked for it
    /// explicitly); order is global first.
    /// </summary>
    public static IReadOnlyList<Hotword> Merge(IReadOnlyList<Hotword> global, IReadOnlyList<Hotword> session)
    {
        if (session.Count == 0)
        {
            return global;
        }

        var byPhrase = new Dictionary<string, Hotword>(StringComparer.Ordinal);
        foreach (var hotword in global.Concat(session))
        {
            byPhrase[hotword.Phrase] = hotword;
        }

        return [.. byPhrase.Values];
    }

    private static Hotword ParseLine(string line, string where)
    {
        float? boost = null;
        string padded = " " + line; // so that a line holding only " :BOOST" is seen as a boost without a phrase
        string phrase = line;
        int colon = padded.LastIndexOf(" :", StringComparison.Ordinal);
        if (colon >= 0)
        {
            string number = padded[(colon + 2)..].Trim();
            if (!float.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out float value)
                || !float.IsFinite(value) || value <= 0 || value > 100)
            {
                throw new HotwordException($"{where}: boost '{number}' must be a number in (0, 100].");
            }

            boost = value;
            phrase = padded[..colon].Trim();
        }

        if (phrase.Length == 0)
        {
            throw new HotwordException($"{where}: the line has a boost but no phrase.");
        }

        if (phrase.Length > MaxPhraseLength)
        {
            throw new HotwordException($"{where}: phrase is {phrase.Length} characters; at most {MaxPhraseLength} are allowed.");
        }

        return new Hotword(string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)), boost);
    }
}

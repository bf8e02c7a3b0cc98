using Streaming.Asr.Text;

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
    public static IReadOnlyList<Hotword> Parse(IEnumerable<string> lines, string source) =>
        [.. PhraseListSyntax.Entries(lines, source).Select(entry => ParseLine(entry.Line, entry.Where))];

    /// <summary>Reads and parses a UTF-8 list file.</summary>
    public static IReadOnlyList<Hotword> Load(string path) =>
        Parse(PhraseListSyntax.ReadLines(path, p => new HotwordException($"Hotword file '{p}' does not exist.")), path);

    /// <summary>
    /// Global and session lists as one: a phrase in both keeps the session's boost (the client asked for it
    /// explicitly); order is global first.
    /// </summary>
    public static IReadOnlyList<Hotword> Merge(IReadOnlyList<Hotword> global, IReadOnlyList<Hotword> session) =>
        PhraseListSyntax.Merge(global, session, h => h.Phrase);

    private static Hotword ParseLine(string line, string where)
    {
        float? boost = null;
        string padded = " " + line; // so that a line holding only " :BOOST" is seen as a boost without a phrase
        string phrase = line;
        int colon = padded.LastIndexOf(" :", StringComparison.Ordinal);
        if (colon >= 0)
        {
            string number = padded[(colon + 2)..].Trim();
            if (!PhraseListSyntax.TryParseBoost(number, out float value))
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

        return new Hotword(PhraseListSyntax.JoinWords(phrase), boost);
    }
}

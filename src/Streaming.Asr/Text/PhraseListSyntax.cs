using System.Globalization;
using System.Text;

namespace Streaming.Asr.Text;

/// <summary>
/// What hotword and keyword lists have in common: one entry a line, blank lines and lines starting with
/// <c>#</c> skipped, errors located as <c>source:line</c>, boosts in (0, 100], words separated by single spaces,
/// and a session list merged over the global one by phrase.
/// </summary>
internal static class PhraseListSyntax
{
    /// <summary>Largest boost accepted; beyond it one keyword would swamp the acoustic scores.</summary>
    public const float MaxBoost = 100;

    /// <summary>The non-blank, non-comment lines, trimmed, each with where it came from (<c>source:line</c>).</summary>
    public static IEnumerable<(string Line, string Where)> Entries(IEnumerable<string> lines, string source)
    {
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return (line, $"{source}:{number}");
            }
        }
    }

    /// <summary>The lines of a UTF-8 list file; <paramref name="missing"/> makes the error for a file that is not there.</summary>
    public static string[] ReadLines(string path, Func<string, Exception> missing) =>
        File.Exists(path) ? File.ReadAllLines(path, Encoding.UTF8) : throw missing(path);

    /// <summary>Parses a boost: a finite number in (0, <see cref="MaxBoost"/>].</summary>
    public static bool TryParseBoost(string text, out float boost) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out boost)
        && float.IsFinite(boost) && boost > 0 && boost <= MaxBoost;

    /// <summary>The phrase with runs of spaces collapsed to one.</summary>
    public static string JoinWords(string phrase) => string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Global and session lists as one: an entry whose phrase is in both keeps the session's settings (the client
    /// asked for them explicitly); order is global first.
    /// </summary>
    public static IReadOnlyList<T> Merge<T>(IReadOnlyList<T> global, IReadOnlyList<T> session, Func<T, string> phrase)
    {
        if (session.Count == 0)
        {
            return global;
        }

        var byPhrase = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in global.Concat(session))
        {
            byPhrase[phrase(entry)] = entry;
        }

        return [.. byPhrase.Values];
    }
}

using System.Text;

namespace Streaming.Text.Hotwords;

/// <summary>
/// Corrects near-misses of hotwords in a final segment: every run of the text with as many units (Latin
/// words, CJK characters) as a hotword is compared unit by unit (<see cref="UnitSimilarity"/>: pinyin for
/// Chinese, letter names and sound keys for English); a run whose mean similarity reaches
/// <see cref="HotwordRescoreOptions.Threshold"/> is rewritten as the hotword. Guards keep unrelated text
/// alone: a multi-unit hotword needs at least half of its units unchanged in the run, a one-unit hotword must
/// be a word of three or more letters (single CJK characters are never rewritten), and overlapping candidates
/// resolve to the most similar. Thread-safe.
/// </summary>
public sealed class HotwordRescorer
{
    private readonly HotwordRescoreOptions _options;

    /// <summary>Creates a re-scorer; validates <paramref name="options"/>.</summary>
    public HotwordRescorer(HotwordRescoreOptions? options = null)
    {
        _options = options ?? new HotwordRescoreOptions();
        _options.Validate();
    }

    /// <summary>Re-scores <paramref name="text"/> against <paramref name="hotwords"/> (phrases as written).</summary>
    public HotwordRescoreResult Rescore(string text, IReadOnlyList<string> hotwords)
    {
        if (hotwords.Count == 0 || text.Length == 0)
        {
            return new HotwordRescoreResult(text, [], []);
        }

        var units = TextUnit.Split(text);
        var phrases = hotwords.Select(TextUnit.Split).ToList();
        var chosen = _options.Enabled ? Choose(units, hotwords, phrases) : [];
        var builder = new StringBuilder(text);
        foreach (var c in chosen.OrderByDescending(c => c.Start))
        {
            builder.Remove(units[c.Start].Start, units[c.End - 1].End - units[c.Start].Start).Insert(units[c.Start].Start, hotwords[c.Hotword]);
        }

        string corrected = builder.ToString();
        var applied = chosen.OrderBy(c => c.Start)
            .Select(c => new HotwordCorrection(text[units[c.Start].Start..units[c.End - 1].End], hotwords[c.Hotword], Math.Round(c.Similarity, 3)))
            .ToList();
        return new HotwordRescoreResult(corrected, Hits(TextUnit.Split(corrected), hotwords, phrases), applied);
    }

    /// <summary>Hotwords that occur in <paramref name="text"/> as they are (case-insensitive), without correcting anything.</summary>
    public IReadOnlyList<string> Hits(string text, IReadOnlyList<string> hotwords) =>
        Hits(TextUnit.Split(text), hotwords, [.. hotwords.Select(TextUnit.Split)]);

    private List<Candidate> Choose(List<TextUnit> units, IReadOnlyList<string> hotwords, List<List<TextUnit>> phrases)
    {
        var candidates = new List<Candidate>();
        for (int h = 0; h < hotwords.Count; h++)
        {
            var phrase = phrases[h];
            if (phrase.Count == 0 || (phrase.Count == 1 && (phrase[0].IsCjk || phrase[0].Text.Length < 3)))
            {
                continue;
            }

            for (int start = 0; start + phrase.Count <= units.Count; start++)
            {
                if (Score(phrase, units, start) is double similarity && similarity >= _options.Threshold)
                {
                    candidates.Add(new Candidate(h, start, start + phrase.Count, similarity));
                }
            }
        }

        var chosen = new List<Candidate>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Similarity).ThenByDescending(c => c.End - c.Start))
        {
            if (chosen.All(c => c.End <= candidate.Start || candidate.End <= c.Start))
            {
                chosen.Add(candidate);
            }
        }

        return chosen;
    }

    /// <summary>Mean similarity of the run at <paramref name="start"/>, or null when it is an exact match or fails a guard.</summary>
    private static double? Score(List<TextUnit> phrase, List<TextUnit> units, int start)
    {
        // The cheap guards first: with a long hotword list almost every run fails them.
        int same = Same(phrase, units, start);
        bool exact = same == phrase.Count;
        bool anchored = phrase.Count == 1 || 2 * same >= phrase.Count;
        if (exact || !anchored)
        {
            return null;
        }

        double total = same;
        for (int i = 0; i < phrase.Count; i++)
        {
            if (!phrase[i].Matches(units[start + i]))
            {
                double similarity = UnitSimilarity.Of(phrase[i], units[start + i]);
                if (similarity == 0)
                {
                    return null;
                }

                total += similarity;
            }
        }

        return total / phrase.Count;
    }

    /// <summary>How many units of the run at <paramref name="start"/> equal the phrase's.</summary>
    private static int Same(List<TextUnit> phrase, List<TextUnit> units, int start)
    {
        int same = 0;
        for (int i = 0; i < phrase.Count; i++)
        {
            same += phrase[i].Matches(units[start + i]) ? 1 : 0;
        }

        return same;
    }

    private static List<string> Hits(List<TextUnit> units, IReadOnlyList<string> hotwords, List<List<TextUnit>> phrases)
    {
        var hits = new List<string>();
        for (int h = 0; h < hotwords.Count; h++)
        {
            var phrase = phrases[h];
            for (int start = 0; phrase.Count > 0 && start + phrase.Count <= units.Count; start++)
            {
                if (Same(phrase, units, start) == phrase.Count)
                {
                    hits.Add(hotwords[h]);
                    break;
                }
            }
        }

        return hits;
    }

    private readonly record struct Candidate(int Hotword, int Start, int End, double Similarity);
}

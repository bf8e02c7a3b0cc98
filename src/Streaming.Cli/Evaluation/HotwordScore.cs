namespace Streaming.Cli.Evaluation;

/// <summary>
/// Hotword recall and word error rates of one system over an evaluation set. Texts are compared as
/// lowercase words without punctuation. "Other words" are the words left after removing every occurrence
/// of a hotword phrase from both reference and hypothesis, so their WER shows collateral damage of biasing.
/// The units are words, or characters for Mandarin (<paramref name="normalise"/>; the rates are then CERs).
/// </summary>
internal sealed class HotwordScore(IReadOnlyList<string[]> phrases, Func<string, string[]> normalise)
{
    public int HotwordsInReference { get; private set; }

    public int HotwordsRecognised { get; private set; }

    /// <summary>Hotword occurrences in hypotheses beyond those in the references.</summary>
    public int HotwordsInserted { get; private set; }

    public int Words { get; private set; }

    public int Errors { get; private set; }

    public int OtherWords { get; private set; }

    public int OtherErrors { get; private set; }

    public double Recall => HotwordsInReference == 0 ? 0 : (double)HotwordsRecognised / HotwordsInReference;

    public double WordErrorRate => Words == 0 ? 0 : (double)Errors / Words;

    public double OtherWordErrorRate => OtherWords == 0 ? 0 : (double)OtherErrors / OtherWords;

    public void Add(string reference, string hypothesis)
    {
        string[] r = normalise(reference);
        string[] h = normalise(hypothesis);
        Words += r.Length;
        Errors += Asr.Evaluation.WordErrorRate.Errors(r, h);
        var (rOther, rCounts) = Mask(r);
        var (hOther, hCounts) = Mask(h);
        OtherWords += rOther.Length;
        OtherErrors += Asr.Evaluation.WordErrorRate.Errors(rOther, hOther);
        for (int p = 0; p < phrases.Count; p++)
        {
            HotwordsInReference += rCounts[p];
            HotwordsRecognised += Math.Min(rCounts[p], hCounts[p]);
            HotwordsInserted += Math.Max(0, hCounts[p] - rCounts[p]);
        }
    }

    /// <summary>Removes hotword occurrences (longest phrase first at each position) and counts them per phrase.</summary>
    private (string[] Remaining, int[] Counts) Mask(string[] words)
    {
        var counts = new int[phrases.Count];
        var rest = new List<string>(words.Length);
        int i = 0;
        while (i < words.Length)
        {
            int match = -1;
            for (int p = 0; p < phrases.Count; p++)
            {
                if (StartsWith(words, i, phrases[p]) && (match < 0 || phrases[p].Length > phrases[match].Length))
                {
                    match = p;
                }
            }

            if (match >= 0)
            {
                counts[match]++;
                i += phrases[match].Length;
            }
            else
            {
                rest.Add(words[i++]);
            }
        }

        return ([.. rest], counts);
    }

    private static bool StartsWith(string[] words, int at, string[] phrase) =>
        phrase.Length > 0 && at + phrase.Length <= words.Length && words.AsSpan(at, phrase.Length).SequenceEqual(phrase);
}

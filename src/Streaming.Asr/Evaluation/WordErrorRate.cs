using System.Text;

namespace Streaming.Asr.Evaluation;

/// <summary>
/// Word error rate on normalised text: lowercase, punctuation removed (apostrophes inside words kept), so
/// casing and punctuation choices of a model do not count as errors. Numbers are not normalised: "ten"
/// against "10" is an error.
/// </summary>
public static class WordErrorRate
{
    /// <summary>The words of <paramref name="text"/> after normalisation.</summary>
    public static string[] Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }

        return [.. builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'')).Where(w => w.Length > 0)];
    }

    /// <summary>Word-level edit distance (substitutions + deletions + insertions) between word sequences.</summary>
    public static int Errors(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var previous = new int[hypothesis.Count + 1];
        var current = new int[hypothesis.Count + 1];
        for (var j = 0; j <= hypothesis.Count; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= reference.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= hypothesis.Count; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Count];
    }

    /// <summary>Errors divided by the reference's word count, both texts normalised.</summary>
    public static double Compute(string reference, string hypothesis)
    {
        var words = Normalise(reference);
        return words.Length == 0
            ? throw new ArgumentException("The reference has no words.", nameof(reference))
            : (double)Errors(words, Normalise(hypothesis)) / words.Length;
    }
}

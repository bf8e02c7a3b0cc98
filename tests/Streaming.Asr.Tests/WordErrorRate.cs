using System.Text;

namespace Streaming.Asr.Tests;

/// <summary>Word error rate on normalised text (lowercase, punctuation removed except in-word apostrophes).</summary>
internal static class WordErrorRate
{
    public static string[] Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('\'')).Where(w => w.Length > 0).ToArray();
    }

    /// <summary>Word-level edit distance between normalised texts.</summary>
    public static int Errors(string[] reference, string[] hypothesis)
    {
        var previous = new int[hypothesis.Length + 1];
        var current = new int[hypothesis.Length + 1];
        for (int j = 0; j <= hypothesis.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= reference.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= hypothesis.Length; j++)
            {
                int substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Length];
    }

    public static double Compute(string reference, string hypothesis)
    {
        string[] r = Normalise(reference);
        return (double)Errors(r, Normalise(hypothesis)) / r.Length;
    }
}

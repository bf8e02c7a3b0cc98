using System.Text;

namespace Streaming.Asr.Evaluation;

/// <summary>
/// Character error rate for languages written without spaces (Mandarin): both texts reduced to their letters
/// and digits, one unit per character (Latin lowercased), punctuation and spaces dropped, then the edit
/// distance of <see cref="WordErrorRate.Errors"/> over those units.
/// </summary>
public static class CharacterErrorRate
{
    /// <summary>The characters of <paramref name="text"/> that are scored, each as its own string.</summary>
    public static string[] Normalise(string text)
    {
        var units = new List<string>(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                units.Add(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return [.. units];
    }

    /// <summary>Character errors divided by the reference's character count, both texts normalised.</summary>
    public static double Compute(string reference, string hypothesis)
    {
        var characters = Normalise(reference);
        return characters.Length == 0
            ? throw new ArgumentException("The reference has no characters.", nameof(reference))
            : (double)WordErrorRate.Errors(characters, Normalise(hypothesis)) / characters.Length;
    }

}

namespace Streaming.Text.Hotwords;

/// <summary>
/// A unit of comparison for hotword re-scoring: a Latin/digit word or a single CJK character, with its
/// place in the source text. Spaces and punctuation are not units.
/// </summary>
internal readonly record struct TextUnit(string Text, int Start, bool IsCjk)
{
    public int End => Start + Text.Length;

    /// <summary>Same text, ignoring case.</summary>
    public bool Matches(TextUnit other) => string.Equals(Text, other.Text, StringComparison.OrdinalIgnoreCase);

    public static List<TextUnit> Split(string text)
    {
        var units = new List<TextUnit>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsCjkChar(c))
            {
                units.Add(new TextUnit(c.ToString(), i, true));
                i++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'') && !IsCjkChar(text[i]))
                {
                    i++;
                }

                units.Add(new TextUnit(text[start..i], start, false));
            }
            else
            {
                i++;
            }
        }

        return units;
    }

    private static bool IsCjkChar(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}

namespace Streaming.Text;

/// <summary>
/// Normalises text mixing Chinese and English: runs of Latin words (two or more letters, with the
/// spaces between them) go to the English normaliser, everything else to the Chinese one, so a
/// licence plate like 京A零七ZX三F stays with Chinese. Spans are shifted back onto the whole input.
/// </summary>
public sealed class MixedInverseTextNormalizer(IInverseTextNormalizer chinese, IInverseTextNormalizer english) : IInverseTextNormalizer
{
    /// <inheritdoc />
    /// <remarks>The Chinese defaults, since Chinese text carries the numbers in mixed speech.</remarks>
    public ItnOptions DefaultOptions => chinese.DefaultOptions;

    /// <inheritdoc />
    public IInverseTextNormalizer WithStyle(ItnStyle style)
    {
        var styled = chinese.WithStyle(style);
        return ReferenceEquals(styled, chinese) ? this : new MixedInverseTextNormalizer(styled, english);
    }

    /// <inheritdoc />
    public ItnResult Normalize(string spoken, ItnOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spoken);
        var text = new System.Text.StringBuilder(spoken.Length);
        var spans = new List<ItnSpan>();
        foreach (var (start, length, isEnglish) in Runs(spoken))
        {
            var part = spoken.Substring(start, length);
            var result = isEnglish
                ? english.Normalize(part, options ?? english.DefaultOptions)
                : chinese.Normalize(part, options ?? chinese.DefaultOptions);
            var offset = text.Length;
            foreach (var span in result.Spans)
            {
                spans.Add(span with { WrittenStart = span.WrittenStart + offset, SourceStart = span.SourceStart + start });
            }

            text.Append(result.Text);
        }

        return new ItnResult(text.ToString(), spans);
    }

    private static bool IsCodeNeighbour(char c) => char.IsAsciiLetterOrDigit(c) || Chinese.ChineseNumerals.IsNumeral(c);

    // Splits into English runs (Latin words of 2+ letters and the spaces between them) and the rest.
    private static IEnumerable<(int Start, int Length, bool IsEnglish)> Runs(string s)
    {
        var runStart = 0;
        var i = 0;
        while (i < s.Length)
        {
            var wordEnd = i;
            while (wordEnd < s.Length && (char.IsAsciiLetter(s[wordEnd]) || s[wordEnd] == '\''))
            {
                wordEnd++;
            }

            // A Latin word glued to spoken digits is part of a code (京A零七ZX三F), not English.
            if (wordEnd - i < 2 || (i > 0 && IsCodeNeighbour(s[i - 1])) || (wordEnd < s.Length && IsCodeNeighbour(s[wordEnd])))
            {
                i = Math.Max(wordEnd, i + 1);
                continue;
            }

            // Extend over following words separated by single spaces.
            var end = wordEnd;
            while (end + 1 < s.Length && s[end] == ' ' && char.IsAsciiLetter(s[end + 1]))
            {
                var next = end + 1;
                while (next < s.Length && (char.IsAsciiLetter(s[next]) || s[next] == '\''))
                {
                    next++;
                }

                end = next;
            }

            if (i > runStart)
            {
                yield return (runStart, i - runStart, false);
            }

            yield return (i, end - i, true);
            runStart = end;
            i = end;
        }

        if (runStart < s.Length)
        {
            yield return (runStart, s.Length - runStart, false);
        }
    }
}

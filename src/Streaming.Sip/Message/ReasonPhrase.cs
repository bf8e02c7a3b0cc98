namespace Streaming.Sip.Message;

/// <summary>
/// The Reason-Phrase grammar (RFC 3261 §25.1: reserved, unreserved, escaped, UTF-8 beyond ASCII, SP, HTAB), so a
/// phrase we build from peer input (a method name, a header) never breaks the status line.
/// </summary>
internal static class ReasonPhrase
{
    /// <summary>True when every character of <paramref name="phrase"/> may appear in a Reason-Phrase.</summary>
    public static bool IsValid(string phrase)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            if (!Allowed(phrase, i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="phrase"/> without the characters a Reason-Phrase cannot hold.</summary>
    public static string Sanitize(string phrase)
    {
        if (IsValid(phrase))
        {
            return phrase;
        }

        var kept = new System.Text.StringBuilder(phrase.Length);
        for (var i = 0; i < phrase.Length; i++)
        {
            if (Allowed(phrase, i))
            {
                kept.Append(phrase[i]);
            }
        }

        return kept.ToString();
    }

    private static bool Allowed(string phrase, int i)
    {
        var c = phrase[i];
        return c switch
        {
            '%' => i + 2 < phrase.Length && char.IsAsciiHexDigit(phrase[i + 1]) && char.IsAsciiHexDigit(phrase[i + 2]),
            ' ' or '\t' => true,
            _ when char.IsAsciiLetterOrDigit(c) => true,
            _ when c > 0x7F => !char.IsControl(c) && !char.IsSurrogate(c) || (char.IsHighSurrogate(c) && i + 1 < phrase.Length && char.IsLowSurrogate(phrase[i + 1])) || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(phrase[i - 1])),
            _ => ";/?:@&=+$,-_.!~*'()".Contains(c),
        };
    }
}

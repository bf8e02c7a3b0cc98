namespace Streaming.Sip.Message;

/// <summary>Character classes and small checks of the RFC 3261 §25 grammar shared by the parser and its validators.</summary>
internal static class SipGrammar
{
    /// <summary>token characters (RFC 3261 §25.1).</summary>
    public static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    /// <summary>A URI scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by ':' in <paramref name="uri"/>.</summary>
    public static string? SchemeOf(string uri)
    {
        var colon = uri.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(uri[0]))
        {
            return null;
        }

        var scheme = uri[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme : null;
    }

    /// <summary>Whether the quotes of <paramref name="value"/> balance, honouring quoted-pairs inside quoted strings.</summary>
    public static bool QuotesBalance(string value) => QuotedEnd(value, 0) is not null;

    /// <summary>
    /// Index just past the quoted-string or plain text that ends at the first unquoted <paramref name="stop"/>
    /// found at or after <paramref name="start"/> (or the end); null when a quoted string is left open.
    /// </summary>
    public static int? QuotedEnd(string value, int start, char stop = '\0')
    {
        var quoted = false;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == stop)
            {
                return i;
            }
        }

        return quoted ? null : value.Length;
    }

    /// <summary>Cuts echoed peer input to a readable length.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}

namespace Streaming.Sip.Message;

/// <summary>
/// Checks From, To and Contact values against name-addr / addr-spec (RFC 3261 §20.10, §25.1): balanced quotes,
/// a display name that is a token list or a quoted string, no white space just inside the angle brackets, and an
/// addr-spec without brackets that holds no ',', '?' or spaces (RFC 4475 §3.1.2.5, .12, .13, .14).
/// </summary>
internal static class AddressSyntax
{
    /// <summary>What is wrong with <paramref name="value"/>, or null when it is well formed.</summary>
    public static string? Fault(string value)
    {
        if (!SipGrammar.QuotesBalance(value))
        {
            return "unbalanced quotes";
        }

        var open = SipGrammar.QuotedEnd(value, 0, '<')!.Value;
        if (open == value.Length)
        {
            var spec = value.Split(';')[0].Trim();
            return SipGrammar.SchemeOf(spec) is null ? "no URI scheme"
                : spec.Any(c => c is ' ' or '\t' or ',' or '?' or '"' or '>') ? "URI with ',', '?' or spaces needs <>"
                : null;
        }

        var display = value[..open].Trim();
        var quoted = display.Length >= 2 && display[0] == '"' && display[^1] == '"';
        if (display.Length > 0 && !quoted && !display.All(c => SipGrammar.IsTokenChar(c) || c is ' ' or '\t'))
        {
            return "display name is neither tokens nor a quoted string";
        }

        var close = value.IndexOf('>', open);
        if (close < 0)
        {
            return "'<' without '>'";
        }

        var uri = value[(open + 1)..close];
        return uri.Length == 0 || char.IsWhiteSpace(uri[0]) || char.IsWhiteSpace(uri[^1]) ? "white space inside <>"
            : SipGrammar.SchemeOf(uri) is null ? "no URI scheme"
            : null;
    }
}

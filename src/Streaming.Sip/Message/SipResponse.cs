namespace Streaming.Sip.Message;

/// <summary>A SIP response.</summary>
/// <param name="statusCode">Three-digit status.</param>
/// <param name="reason">Reason phrase.</param>
public sealed class SipResponse(int statusCode, string reason) : SipMessage
{
    /// <summary>The status code.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The reason phrase.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    protected override string StartLine => $"SIP/2.0 {StatusCode} {Reason}";

    /// <summary>
    /// Builds a response to <paramref name="request"/> copying Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2);
    /// <paramref name="toTag"/> is added to To when it has none, and <paramref name="reason"/> is cut to what a
    /// Reason-Phrase may hold.
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string reason, string? toTag = null)
    {
        // Phrases may quote peer input (a header, a method): keep only what the Reason-Phrase grammar allows.
        var response = new SipResponse(statusCode, ReasonPhrase.Sanitize(reason));
        foreach (var via in request.Headers.Where(h => h.Name == SipHeaderNames.Via))
        {
            response.Add(SipHeaderNames.Via, via.Value);
        }

        var to = request[SipHeaderNames.To] ?? string.Empty;
        if (toTag is not null && HeaderValue.Parameter(to, "tag") is null)
        {
            to += ";tag=" + toTag;
        }

        response.Add(SipHeaderNames.From, request[SipHeaderNames.From] ?? string.Empty)
            .Add(SipHeaderNames.To, to)
            .Add(SipHeaderNames.CallId, request.CallId)
            .Add(SipHeaderNames.CSeq, request[SipHeaderNames.CSeq] ?? string.Empty);
        return response;
    }
}

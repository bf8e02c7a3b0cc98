using Streaming.Sip.Message;

namespace Streaming.Sip.Transactions;

/// <summary>
/// What identifies a server transaction (RFC 3261 §17.2.3). With the magic cookie: top-Via branch, sent-by and
/// method (ACK counts as INVITE). Without it (RFC 2543 peers): Request-URI, From tag, Call-ID, CSeq number, the
/// whole top Via and method; the To tag is left out so an ACK or CANCEL finds its INVITE, and the ACK's To tag is
/// checked against the response instead (<see cref="InviteServerTransaction"/>).
/// </summary>
/// <param name="Branch">The branch (cookie case) or the RFC 2543 identity.</param>
/// <param name="SentBy">Top-Via sent-by (cookie case) or the whole top Via, normalised.</param>
/// <param name="Method">The request method, INVITE for an ACK.</param>
internal sealed record TransactionKey(string Branch, string SentBy, string Method)
{
    /// <summary>The key of <paramref name="request"/>, or of the transaction <paramref name="method"/> it refers to (a CANCEL's INVITE).</summary>
    public static TransactionKey Of(SipRequest request, string? method = null)
    {
        method ??= request.Method == "ACK" ? "INVITE" : request.Method;
        var top = ViaHeader.Parse(request.Values(SipHeaderNames.Via).First());
        if (top.HasCookie)
        {
            return new TransactionKey(top.Branch!, top.SentBy, method);
        }

        var fromTag = HeaderValue.Parameter(request[SipHeaderNames.From]!, "tag");
        var identity = string.Join('|', request.Uri, fromTag, request.CallId, request.CSeq.Number);
        return new TransactionKey(identity, $"{top.Transport} {top.SentBy};branch={top.Branch}", method);
    }
}

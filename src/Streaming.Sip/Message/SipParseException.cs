namespace Streaming.Sip.Message;

/// <summary>A message that breaks the grammar; <see cref="StatusCode"/> is what a request like it is answered with.</summary>
/// <param name="statusCode">400, 413, 505 ...</param>
/// <param name="reason">Specific reason phrase sent back to the peer.</param>
public sealed class SipParseException(int statusCode, string reason) : Exception(reason)
{
    /// <summary>Status code for the reply.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Headers parsed before the fault, so a reply can still copy Via, From, To, Call-ID and CSeq.</summary>
    public SipRequest? PartialRequest { get; init; }
}

namespace Streaming.Sip.Message;

/// <summary>A SIP request.</summary>
/// <param name="method">Method token, case-sensitive as RFC 3261 requires.</param>
/// <param name="uri">Request-URI.</param>
public sealed class SipRequest(string method, string uri) : SipMessage
{
    /// <summary>The method, e.g. INVITE.</summary>
    public string Method { get; } = method;

    /// <summary>The Request-URI.</summary>
    public string Uri { get; } = uri;

    /// <inheritdoc />
    protected override string StartLine => $"{Method} {Uri} SIP/2.0";
}

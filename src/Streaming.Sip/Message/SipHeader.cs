namespace Streaming.Sip.Message;

/// <summary>One header line as received or to be sent; the name is already in its canonical long form.</summary>
/// <param name="Name">Canonical header name, e.g. <c>Call-ID</c>.</param>
/// <param name="Value">Value with folding removed and surrounding whitespace trimmed.</param>
public sealed record SipHeader(string Name, string Value);

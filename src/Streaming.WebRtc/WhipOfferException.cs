namespace Streaming.WebRtc;

/// <summary>An SDP offer this ingress cannot answer; the message says why (the HTTP layer answers 400 with it).</summary>
public sealed class WhipOfferException(string message) : Exception(message);

using Streaming.Sip.Message;

namespace Streaming.Sip.Transport;

/// <summary>What the transports deliver to: the user agent core.</summary>
internal interface ISipMessageSink
{
    /// <summary>Handles one received message (not yet parsed).</summary>
    Task ReceiveAsync(byte[] data, SipFlow flow, CancellationToken cancellationToken);

    /// <summary>Answers a message that could not be framed or parsed, when it was a request that can be answered.</summary>
    Task RejectAsync(SipParseException fault, SipFlow flow, CancellationToken cancellationToken);
}

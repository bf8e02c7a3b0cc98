using System.Diagnostics.Metrics;

namespace Streaming.Sip;

/// <summary>
/// Counters of the SIP ingress (meter <c>Streaming.Sip</c>): malformed signalling, refused calls, ignored RTP
/// by reason, calls and their sessions. One instance per ingress so tests can observe one stack alone.
/// </summary>
public sealed class SipMetrics : IDisposable
{
    /// <summary>Meter name, for OpenTelemetry registration.</summary>
    public const string MeterName = "Streaming.Sip";

    private readonly Counter<long> _malformed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _rtpIgnored;
    private readonly Counter<long> _rtpReceived;
    private readonly Counter<long> _rtpLost;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _tcpClosed;
    private readonly UpDownCounter<long> _activeCalls;

    /// <summary>Creates the instruments on a new meter.</summary>
    public SipMetrics()
    {
        Meter = new Meter(MeterName);
        _malformed = Meter.CreateCounter<long>("sip.messages.malformed", description: "SIP messages rejected or dropped as malformed, by status.");
        _refused = Meter.CreateCounter<long>("sip.requests.refused", description: "Requests refused by policy (auth, method, capacity), by reason.");
        _rtpIgnored = Meter.CreateCounter<long>("rtp.packets.ignored", description: "RTP packets ignored, by reason.");
        _rtpReceived = Meter.CreateCounter<long>("rtp.packets.received", description: "RTP packets accepted.");
        _rtpLost = Meter.CreateCounter<long>("rtp.packets.lost", description: "RTP packets never received, replaced with silence.");
        _errors = Meter.CreateCounter<long>("sip.errors.internal", description: "Unexpected exceptions while handling a message.");
        _tcpClosed = Meter.CreateCounter<long>("sip.tcp.closed", description: "TCP connections we closed, by reason (message_timeout, idle).");
        _activeCalls = Meter.CreateUpDownCounter<long>("sip.calls.active", description: "Calls with a live session.");
    }

    /// <summary>The meter; listeners filter on this instance.</summary>
    public Meter Meter { get; }

    internal void Malformed(int status) => _malformed.Add(1, new KeyValuePair<string, object?>("status", status));

    internal void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void RtpIgnored(string reason) => _rtpIgnored.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void RtpReceived() => _rtpReceived.Add(1);

    internal void RtpLost(int packets) => _rtpLost.Add(packets);

    internal void InternalError(string type) => _errors.Add(1, new KeyValuePair<string, object?>("type", type));

    internal void TcpClosed(string reason) => _tcpClosed.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void CallStarted() => _activeCalls.Add(1);

    internal void CallEnded() => _activeCalls.Add(-1);

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();
}

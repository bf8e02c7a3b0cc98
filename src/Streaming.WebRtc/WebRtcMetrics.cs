using System.Diagnostics.Metrics;

namespace Streaming.WebRtc;

/// <summary>
/// Counters of the WHIP ingress across publications (meter <c>Streaming.WebRtc</c>): sessions, how they ended,
/// packets dropped by reason, RTP losses and reordering. Each publication's <see cref="WhipStatistics"/> also
/// reports here; one instance per ingress so tests can observe one alone.
/// </summary>
public sealed class WebRtcMetrics : IDisposable
{
    /// <summary>Meter name, for OpenTelemetry registration.</summary>
    public const string MeterName = "Streaming.WebRtc";

    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _started;
    private readonly Counter<long> _ended;
    private readonly Counter<long> _rtpReceived;
    private readonly Counter<long> _rtpLost;
    private readonly Counter<long> _rtpReordered;
    private readonly Counter<long> _dropped;

    /// <summary>Creates the instruments on a new meter.</summary>
    public WebRtcMetrics()
    {
        Meter = new Meter(MeterName);
        _active = Meter.CreateUpDownCounter<long>("webrtc.sessions.active", description: "WHIP publications open now.");
        _started = Meter.CreateCounter<long>("webrtc.sessions.started", description: "WHIP publications accepted.");
        _ended = Meter.CreateCounter<long>("webrtc.sessions.ended", description: "WHIP publications ended, by reason (normal, webrtc_no_media, webrtc_consent_expired, webrtc_dtls_failed).");
        _rtpReceived = Meter.CreateCounter<long>("webrtc.rtp.received", description: "Authenticated RTP packets.");
        _rtpLost = Meter.CreateCounter<long>("webrtc.rtp.lost", description: "RTP packets the sender sent that never arrived, counted when a publication ends.");
        _rtpReordered = Meter.CreateCounter<long>("webrtc.rtp.reordered", description: "RTP packets that arrived after a later one.");
        _dropped = Meter.CreateCounter<long>("webrtc.packets.dropped", description: "Datagrams dropped, by reason (srtp_auth, srtp_replay, stun_rejected, other).");
    }

    /// <summary>The meter; listeners filter on this instance.</summary>
    public Meter Meter { get; }

    internal void Started()
    {
        _started.Add(1);
        _active.Add(1);
    }

    internal void Ended(string reason, long lost)
    {
        _active.Add(-1);
        _ended.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (lost > 0)
        {
            _rtpLost.Add(lost);
        }
    }

    internal void RtpReceived() => _rtpReceived.Add(1);

    internal void RtpReordered() => _rtpReordered.Add(1);

    internal void Dropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();
}

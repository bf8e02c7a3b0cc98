namespace Streaming.WebRtc;

/// <summary>Counters of one publication, updated as packets arrive, and passed on to the ingress's metrics.</summary>
/// <param name="metrics">The ingress-wide counters; null for none.</param>
public sealed class WhipStatistics(WebRtcMetrics? metrics = null)
{
    private long _stunRequests;
    private long _stunRejected;
    private long _dtlsRecords;
    private long _rtpPackets;
    private long _rtcpPackets;
    private long _srtpAuthFailures;
    private long _srtpReplays;
    private long _dropped;
    private long _rtpReordered;

    /// <summary>STUN binding requests answered with success.</summary>
    public long StunRequests => Interlocked.Read(ref _stunRequests);

    /// <summary>STUN messages malformed or failing integrity (answered with an error or dropped).</summary>
    public long StunRejected => Interlocked.Read(ref _stunRejected);

    /// <summary>DTLS records handed to the handshake.</summary>
    public long DtlsRecords => Interlocked.Read(ref _dtlsRecords);

    /// <summary>Authenticated RTP packets.</summary>
    public long RtpPackets => Interlocked.Read(ref _rtpPackets);

    /// <summary>Authenticated RTP packets that arrived after a later one.</summary>
    public long RtpReordered => Interlocked.Read(ref _rtpReordered);

    /// <summary>Authenticated RTCP packets.</summary>
    public long RtcpPackets => Interlocked.Read(ref _rtcpPackets);

    /// <summary>SRTP/SRTCP packets whose authentication tag did not match (dropped).</summary>
    public long SrtpAuthFailures => Interlocked.Read(ref _srtpAuthFailures);

    /// <summary>SRTP/SRTCP packets replayed or too old (dropped).</summary>
    public long SrtpReplays => Interlocked.Read(ref _srtpReplays);

    /// <summary>Other datagrams dropped: unknown first byte, unknown source, media before keys, malformed RTP.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal void StunAnswered() => Interlocked.Increment(ref _stunRequests);

    internal void StunRefused()
    {
        Interlocked.Increment(ref _stunRejected);
        metrics?.Dropped("stun_rejected");
    }

    internal void DtlsRecord() => Interlocked.Increment(ref _dtlsRecords);

    internal void Rtp()
    {
        Interlocked.Increment(ref _rtpPackets);
        metrics?.RtpReceived();
    }

    internal void Reordered()
    {
        Interlocked.Increment(ref _rtpReordered);
        metrics?.RtpReordered();
    }

    internal void Started() => metrics?.Started();

    internal void Ended(string reason, long lost) => metrics?.Ended(reason, lost);

    internal void Rtcp() => Interlocked.Increment(ref _rtcpPackets);

    internal void AuthFailure()
    {
        Interlocked.Increment(ref _srtpAuthFailures);
        metrics?.Dropped("srtp_auth");
    }

    internal void Replay()
    {
        Interlocked.Increment(ref _srtpReplays);
        metrics?.Dropped("srtp_replay");
    }

    internal void Drop()
    {
        Interlocked.Increment(ref _dropped);
        metrics?.Dropped("other");
    }
}

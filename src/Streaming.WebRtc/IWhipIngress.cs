namespace Streaming.WebRtc;

/// <summary>
/// The seam between the HTTP side of WHIP and the WebRTC stack: given an SDP offer, start receiving its audio
/// into a sink and return the answer. Our ICE-lite / DTLS-SRTP stack implements it; a WebRTC library could.
/// </summary>
public interface IWhipIngress
{
    /// <summary>Publications running now.</summary>
    int Count { get; }

    /// <summary>
    /// Answers <paramref name="offerSdp"/> and starts receiving: Opus packets go to <paramref name="sink"/>, and the
    /// sink hears once why the publication ended. Throws <see cref="WhipOfferException"/> for an offer it cannot
    /// answer and <see cref="WhipCapacityException"/> when it has no room.
    /// </summary>
    IWhipPublication Publish(string offerSdp, IWhipMediaSink sink);
}

/// <summary>One running WHIP publication.</summary>
public interface IWhipPublication : IAsyncDisposable
{
    /// <summary>The SDP answer.</summary>
    string AnswerSdp { get; }

    /// <summary>Counters of what was received and dropped.</summary>
    WhipStatistics Statistics { get; }
}

/// <summary>Where a publication's audio goes.</summary>
public interface IWhipMediaSink
{
    /// <summary>One authenticated, in-order Opus packet (48 kHz RTP clock).</summary>
    void OnOpus(ReadOnlyMemory<byte> packet);

    /// <summary>
    /// The publication ended by itself: <paramref name="errorCode"/> is null for a normal end (the peer closed DTLS),
    /// otherwise one of <see cref="WhipEndCodes"/> with <paramref name="message"/> saying why.
    /// </summary>
    void OnEnded(string? errorCode, string message);
}

/// <summary>No room for another publication (the ingress's session limit or its UDP port range).</summary>
public sealed class WhipCapacityException(string message) : Exception(message);

/// <summary>Error codes of publications that ended by themselves.</summary>
public static class WhipEndCodes
{
    /// <summary>No authenticated media for <see cref="WebRtcOptions.NoMediaTimeoutSeconds"/>.</summary>
    public const string NoMedia = "webrtc_no_media";

    /// <summary>No ICE consent (STUN binding request) for <see cref="WebRtcOptions.ConsentTimeoutSeconds"/>.</summary>
    public const string ConsentExpired = "webrtc_consent_expired";

    /// <summary>The DTLS handshake failed (no common SRTP profile, certificate not matching the fingerprint, …).</summary>
    public const string DtlsFailed = "webrtc_dtls_failed";
}

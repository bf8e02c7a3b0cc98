namespace Streaming.WebRtc.Srtp;

/// <summary>Why an SRTP or SRTCP packet was dropped.</summary>
internal enum SrtpFailure
{
    /// <summary>Not dropped.</summary>
    None,

    /// <summary>Shorter than its header and authentication tag.</summary>
    Malformed,

    /// <summary>Already received, or older than the replay window.</summary>
    Replayed,

    /// <summary>The authentication tag does not match (wrong key or tampered packet).</summary>
    AuthenticationFailed,
}

namespace Streaming.WebRtc.Srtp;

/// <summary>
/// The per-profile packet crypto of SRTP/SRTCP (encryption and authentication of one packet at a known
/// index); <see cref="SrtpContext"/> keeps the indices, rollover counters and replay windows around it.
/// </summary>
internal interface ISrtpTransform : IDisposable
{
    /// <summary>Bytes of authentication tag per packet.</summary>
    int TagLength { get; }

    /// <summary>True when the SRTCP E-flag and index follow the tag (AEAD), false when they precede it (AES-CM).</summary>
    bool RtcpIndexLast { get; }

    /// <summary>Header, encrypted payload and tag of plain <paramref name="rtp"/>.</summary>
    byte[] ProtectRtp(ReadOnlySpan<byte> rtp, int headerLength, uint ssrc, uint roc, ushort sequence);

    /// <summary>Header and plain payload, or null when the tag does not verify.</summary>
    byte[]? UnprotectRtp(ReadOnlySpan<byte> packet, int headerLength, uint ssrc, uint roc, ushort sequence);

    /// <summary>The SRTCP packet of plain <paramref name="rtcp"/> at <paramref name="index"/>, encrypted (E = 1).</summary>
    byte[] ProtectRtcp(ReadOnlySpan<byte> rtcp, uint ssrc, uint index);

    /// <summary>The plain RTCP of an SRTCP packet, or null when the tag does not verify.</summary>
    byte[]? UnprotectRtcp(ReadOnlySpan<byte> packet, uint ssrc, uint trailer);
}

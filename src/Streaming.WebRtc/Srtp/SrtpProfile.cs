namespace Streaming.WebRtc.Srtp;

/// <summary>SRTP protection profiles negotiated through DTLS use_srtp (RFC 5764 §4.1.2), with their key sizes.</summary>
internal sealed record SrtpProfile(int Id, string Name, int KeyLength, int SaltLength, int TagLength)
{
    /// <summary>SRTP_AES128_CM_HMAC_SHA1_80: AES counter mode, 80-bit HMAC-SHA1 tag.</summary>
    public static readonly SrtpProfile Aes128CmSha1_80 = new(0x0001, "SRTP_AES128_CM_HMAC_SHA1_80", 16, 14, 10);

    /// <summary>AEAD_AES_128_GCM (RFC 7714): AES-GCM with a 16-byte tag and a 12-byte salt.</summary>
    public static readonly SrtpProfile AeadAes128Gcm = new(0x0007, "AEAD_AES_128_GCM", 16, 12, 16);

    /// <summary>The profiles this endpoint accepts, most preferred first.</summary>
    public static readonly IReadOnlyList<SrtpProfile> Supported = [AeadAes128Gcm, Aes128CmSha1_80];
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Streaming.WebRtc.Srtp;

/// <summary>SRTP_AES128_CM_HMAC_SHA1_80 (RFC 3711): AES counter mode, HMAC-SHA1 tag cut to 80 bits.</summary>
internal sealed class AesCmTransform : ISrtpTransform
{
    private readonly AesCounterMode _rtpCipher;
    private readonly IncrementalHash _rtpAuth;
    private readonly byte[] _rtpSalt;
    private readonly AesCounterMode _rtcpCipher;
    private readonly IncrementalHash _rtcpAuth;
    private readonly byte[] _rtcpSalt;

    /// <summary>Derives the session keys from a 16-byte master key and 14-byte master salt.</summary>
    public AesCmTransform(byte[] masterKey, byte[] masterSalt)
    {
        _rtpCipher = new AesCounterMode(SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpEncryption, 16));
        _rtpAuth = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpAuthentication, 20));
        _rtpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpSalt, 14);
        _rtcpCipher = new AesCounterMode(SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpEncryption, 16));
        _rtcpAuth = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpAuthentication, 20));
        _rtcpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpSalt, 14);
    }

    /// <inheritdoc />
    public int TagLength => 10;

    /// <inheritdoc />
    public bool RtcpIndexLast => false;

    /// <inheritdoc />
    public byte[] ProtectRtp(ReadOnlySpan<byte> rtp, int headerLength, uint ssrc, uint roc, ushort sequence)
    {
        var output = new byte[rtp.Length + TagLength];
        rtp.CopyTo(output);
        _rtpCipher.Apply(Iv(_rtpSalt, ssrc, ((ulong)roc << 16) | sequence), output.AsSpan(headerLength, rtp.Length - headerLength));
        Span<byte> tag = stackalloc byte[20];
        RtpTag(output.AsSpan(0, rtp.Length), roc, tag);
        tag[..TagLength].CopyTo(output.AsSpan(rtp.Length));
        return output;
    }

    /// <inheritdoc />
    public byte[]? UnprotectRtp(ReadOnlySpan<byte> packet, int headerLength, uint ssrc, uint roc, ushort sequence)
    {
        var authenticated = packet[..^TagLength];
        Span<byte> tag = stackalloc byte[20];
        RtpTag(authenticated, roc, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag[..TagLength], packet[^TagLength..]))
        {
            return null;
        }

        var plain = authenticated.ToArray();
        _rtpCipher.Apply(Iv(_rtpSalt, ssrc, ((ulong)roc << 16) | sequence), plain.AsSpan(headerLength));
        return plain;
    }

    /// <inheritdoc />
    public byte[] ProtectRtcp(ReadOnlySpan<byte> rtcp, uint ssrc, uint index)
    {
        var output = new byte[rtcp.Length + 4 + TagLength];
        rtcp.CopyTo(output);
        _rtcpCipher.Apply(Iv(_rtcpSalt, ssrc, index), output.AsSpan(8, rtcp.Length - 8));
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(rtcp.Length), 0x80000000 | index);
        _rtcpAuth.AppendData(output.AsSpan(0, rtcp.Length + 4));
        Span<byte> tag = stackalloc byte[20];
        _rtcpAuth.GetHashAndReset(tag);
        tag[..TagLength].CopyTo(output.AsSpan(rtcp.Length + 4));
        return output;
    }

    /// <inheritdoc />
    public byte[]? UnprotectRtcp(ReadOnlySpan<byte> packet, uint ssrc, uint trailer)
    {
        var authenticated = packet[..^TagLength];
        Span<byte> tag = stackalloc byte[20];
        _rtcpAuth.AppendData(authenticated);
        _rtcpAuth.GetHashAndReset(tag);
        if (!CryptographicOperations.FixedTimeEquals(tag[..TagLength], packet[^TagLength..]))
        {
            return null;
        }

        var plain = authenticated[..^4].ToArray();
        if ((trailer & 0x80000000) != 0)
        {
            _rtcpCipher.Apply(Iv(_rtcpSalt, ssrc, trailer & 0x7FFFFFFF), plain.AsSpan(8));
        }

        return plain;
    }

    private void RtpTag(ReadOnlySpan<byte> authenticated, uint roc, Span<byte> tag)
    {
        Span<byte> rocBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(rocBytes, roc);
        _rtpAuth.AppendData(authenticated);
        _rtpAuth.AppendData(rocBytes);
        _rtpAuth.GetHashAndReset(tag);
    }

    // IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16) (RFC 3711 §4.1.1).
    private static byte[] Iv(byte[] salt, uint ssrc, ulong index)
    {
        var iv = new byte[16];
        salt.CopyTo(iv, 0);
        Span<byte> ssrcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(ssrcBytes, ssrc);
        for (var i = 0; i < 4; i++)
        {
            iv[4 + i] ^= ssrcBytes[i];
        }

        for (var i = 0; i < 6; i++)
        {
            iv[13 - i] ^= (byte)(index >> (8 * i));
        }

        return iv;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rtpCipher.Dispose();
        _rtpAuth.Dispose();
        _rtcpCipher.Dispose();
        _rtcpAuth.Dispose();
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Streaming.WebRtc.Srtp;

/// <summary>AEAD_AES_128_GCM (RFC 7714): AES-GCM with a 16-byte tag, the RTP header (or RTCP header and index) as associated data.</summary>
internal sealed class AesGcmTransform : ISrtpTransform
{
    private const int Tag = 16;
    private readonly AesGcm _rtp;
    private readonly byte[] _rtpSalt;
    private readonly AesGcm _rtcp;
    private readonly byte[] _rtcpSalt;

    /// <summary>Derives the session keys from a 16-byte master key and 12-byte master salt (zero-padded for the KDF).</summary>
    public AesGcmTransform(byte[] masterKey, byte[] masterSalt)
    {
        var salt = new byte[14];
        masterSalt.CopyTo(salt, 0);
        _rtp = new AesGcm(SrtpKeyDerivation.Derive(masterKey, salt, SrtpKeyDerivation.RtpEncryption, 16), Tag);
        _rtpSalt = SrtpKeyDerivation.Derive(masterKey, salt, SrtpKeyDerivation.RtpSalt, 12);
        _rtcp = new AesGcm(SrtpKeyDerivation.Derive(masterKey, salt, SrtpKeyDerivation.RtcpEncryption, 16), Tag);
        _rtcpSalt = SrtpKeyDerivation.Derive(masterKey, salt, SrtpKeyDerivation.RtcpSalt, 12);
    }

    /// <inheritdoc />
    public int TagLength => Tag;

    /// <inheritdoc />
    public bool RtcpIndexLast => true;

    /// <inheritdoc />
    public byte[] ProtectRtp(ReadOnlySpan<byte> rtp, int headerLength, uint ssrc, uint roc, ushort sequence)
    {
        var output = new byte[rtp.Length + Tag];
        rtp[..headerLength].CopyTo(output);
        _rtp.Encrypt(RtpNonce(ssrc, roc, sequence), rtp[headerLength..], output.AsSpan(headerLength, rtp.Length - headerLength), output.AsSpan(rtp.Length), rtp[..headerLength]);
        return output;
    }

    /// <inheritdoc />
    public byte[]? UnprotectRtp(ReadOnlySpan<byte> packet, int headerLength, uint ssrc, uint roc, ushort sequence)
    {
        var plain = new byte[packet.Length - Tag];
        packet[..headerLength].CopyTo(plain);
        try
        {
            _rtp.Decrypt(RtpNonce(ssrc, roc, sequence), packet[headerLength..^Tag], packet[^Tag..], plain.AsSpan(headerLength), packet[..headerLength]);
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public byte[] ProtectRtcp(ReadOnlySpan<byte> rtcp, uint ssrc, uint index)
    {
        var output = new byte[rtcp.Length + Tag + 4];
        rtcp[..8].CopyTo(output);
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(output.Length - 4), 0x80000000 | index);
        _rtcp.Encrypt(RtcpNonce(ssrc, index), rtcp[8..], output.AsSpan(8, rtcp.Length - 8), output.AsSpan(rtcp.Length, Tag), RtcpAad(output, output.Length));
        return output;
    }

    /// <inheritdoc />
    public byte[]? UnprotectRtcp(ReadOnlySpan<byte> packet, uint ssrc, uint trailer)
    {
        var body = packet[..^(Tag + 4)];
        var tag = packet[^(Tag + 4)..^4];
        try
        {
            if ((trailer & 0x80000000) == 0)
            {
                // Unencrypted SRTCP: the whole packet is associated data.
                Span<byte> aad = [.. body, .. packet[^4..]];
                _rtcp.Decrypt(RtcpNonce(ssrc, trailer), [], tag, [], aad);
                return body.ToArray();
            }

            var plain = new byte[body.Length];
            body[..8].CopyTo(plain);
            _rtcp.Decrypt(RtcpNonce(ssrc, trailer & 0x7FFFFFFF), body[8..], tag, plain.AsSpan(8), RtcpAad(packet, packet.Length));
            return plain;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    // 00 00 || SSRC || ROC || SEQ, XOR the 12-byte salt (RFC 7714 §8.1).
    private byte[] RtpNonce(uint ssrc, uint roc, ushort sequence)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(2), ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(6), roc);
        BinaryPrimitives.WriteUInt16BigEndian(nonce.AsSpan(10), sequence);
        Xor(nonce, _rtpSalt);
        return nonce;
    }

    // 00 00 || SSRC || 00 00 || index (31 bits), XOR the 12-byte salt (RFC 7714 §9.1).
    private byte[] RtcpNonce(uint ssrc, uint index)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(2), ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), index & 0x7FFFFFFF);
        Xor(nonce, _rtcpSalt);
        return nonce;
    }

    // The first 8 bytes of RTCP and the E-flag with the index.
    private static byte[] RtcpAad(ReadOnlySpan<byte> packet, int length) => [.. packet[..8], .. packet[(length - 4)..length]];

    private static void Xor(byte[] nonce, byte[] salt)
    {
        for (var i = 0; i < nonce.Length; i++)
        {
            nonce[i] ^= salt[i];
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }
}

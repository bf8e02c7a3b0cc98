using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Streaming.WebRtc.Srtp;

/// <summary>
/// One direction's SRTP and SRTCP crypto (RFC 3711) for SRTP_AES128_CM_HMAC_SHA1_80: session keys derived
/// from the master key and salt, per-SSRC rollover counters and replay windows. Authentication is checked
/// before anything is decrypted, and a packet is recorded as received only once it authenticated.
/// </summary>
internal sealed class SrtpContext : IDisposable
{
    private const int TagLength = 10;
    private readonly AesCounterMode _rtpCipher;
    private readonly IncrementalHash _rtpAuth;
    private readonly byte[] _rtpSalt;
    private readonly AesCounterMode _rtcpCipher;
    private readonly IncrementalHash _rtcpAuth;
    private readonly byte[] _rtcpSalt;
    private readonly Dictionary<uint, RtpStreamState> _rtpStreams = [];
    private readonly Dictionary<uint, SrtpReplayWindow> _rtcpStreams = [];
    private uint _rtcpSendIndex;

    /// <summary>Derives the session keys from a master key (16 bytes) and salt (14 bytes).</summary>
    public SrtpContext(byte[] masterKey, byte[] masterSalt)
    {
        _rtpCipher = new AesCounterMode(SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpEncryption, 16));
        _rtpAuth = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpAuthentication, 20));
        _rtpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpSalt, 14);
        _rtcpCipher = new AesCounterMode(SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpEncryption, 16));
        _rtcpAuth = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpAuthentication, 20));
        _rtcpSalt = SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpSalt, 14);
    }

    /// <summary>Authenticates, replay-checks and decrypts an SRTP packet; null with <paramref name="failure"/> when dropped.</summary>
    public byte[]? UnprotectRtp(ReadOnlySpan<byte> packet, out SrtpFailure failure)
    {
        var headerLength = Rtp.RtpHeader.Length(packet, packet.Length - TagLength);
        if (headerLength < 0)
        {
            failure = SrtpFailure.Malformed;
            return null;
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var state = _rtpStreams.GetValueOrDefault(ssrc);
        var roc = state?.EstimateRoc(sequence) ?? 0;
        var index = ((ulong)roc << 16) | sequence;
        if (state is not null && !state.Window.IsFresh(index))
        {
            failure = SrtpFailure.Replayed;
            return null;
        }

        var authenticated = packet[..^TagLength];
        Span<byte> tag = stackalloc byte[20];
        RtpTag(authenticated, roc, tag);
        if (!CryptographicOperations.FixedTimeEquals(tag[..TagLength], packet[^TagLength..]))
        {
            failure = SrtpFailure.AuthenticationFailed;
            return null;
        }

        var plain = authenticated.ToArray();
        _rtpCipher.Apply(Iv(_rtpSalt, ssrc, index), plain.AsSpan(headerLength));
        state ??= _rtpStreams[ssrc] = new RtpStreamState(sequence);
        state.Update(roc, sequence);
        state.Window.Accept(index);
        failure = SrtpFailure.None;
        return plain;
    }

    /// <summary>Encrypts and authenticates an RTP packet (sending side; the peer's view of this context).</summary>
    public byte[] ProtectRtp(ReadOnlySpan<byte> rtp)
    {
        var headerLength = Rtp.RtpHeader.Length(rtp, rtp.Length);
        if (headerLength < 0)
        {
            throw new ArgumentException("Not an RTP packet.", nameof(rtp));
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(rtp[8..]);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(rtp[2..]);
        if (!_rtpStreams.TryGetValue(ssrc, out var state))
        {
            state = _rtpStreams[ssrc] = new RtpStreamState(sequence);
        }

        var roc = state.EstimateRoc(sequence);
        state.Update(roc, sequence);
        var output = new byte[rtp.Length + TagLength];
        rtp.CopyTo(output);
        _rtpCipher.Apply(Iv(_rtpSalt, ssrc, ((ulong)roc << 16) | sequence), output.AsSpan(headerLength, rtp.Length - headerLength));
        Span<byte> tag = stackalloc byte[20];
        RtpTag(output.AsSpan(0, rtp.Length), roc, tag);
        tag[..TagLength].CopyTo(output.AsSpan(rtp.Length));
        return output;
    }

    /// <summary>Authenticates, replay-checks and decrypts an SRTCP packet; null with <paramref name="failure"/> when dropped.</summary>
    public byte[]? UnprotectRtcp(ReadOnlySpan<byte> packet, out SrtpFailure failure)
    {
        if (packet.Length < 8 + 4 + TagLength)
        {
            failure = SrtpFailure.Malformed;
            return null;
        }

        var authenticated = packet[..^TagLength];
        Span<byte> tag = stackalloc byte[20];
        _rtcpAuth.AppendData(authenticated);
        _rtcpAuth.GetHashAndReset(tag);
        if (!CryptographicOperations.FixedTimeEquals(tag[..TagLength], packet[^TagLength..]))
        {
            failure = SrtpFailure.AuthenticationFailed;
            return null;
        }

        var trailer = BinaryPrimitives.ReadUInt32BigEndian(authenticated[^4..]);
        var index = trailer & 0x7FFFFFFF;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        if (!_rtcpStreams.TryGetValue(ssrc, out var window))
        {
            window = _rtcpStreams[ssrc] = new SrtpReplayWindow();
        }

        if (!window.IsFresh(index))
        {
            failure = SrtpFailure.Replayed;
            return null;
        }

        window.Accept(index);
        var plain = authenticated[..^4].ToArray();
        if ((trailer & 0x80000000) != 0)
        {
            _rtcpCipher.Apply(Iv(_rtcpSalt, ssrc, index), plain.AsSpan(8));
        }

        failure = SrtpFailure.None;
        return plain;
    }

    /// <summary>Encrypts and authenticates an RTCP compound packet with the next SRTCP index.</summary>
    public byte[] ProtectRtcp(ReadOnlySpan<byte> rtcp)
    {
        if (rtcp.Length < 8)
        {
            throw new ArgumentException("An RTCP packet has at least 8 bytes.", nameof(rtcp));
        }

        var index = _rtcpSendIndex++ & 0x7FFFFFFF;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(rtcp[4..]);
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

    // Rollover counter and highest sequence number of one SSRC (RFC 3711 §3.3.1, Appendix A).
    private sealed class RtpStreamState(ushort first)
    {
        private uint _roc;
        private ushort _highest = first;

        public SrtpReplayWindow Window { get; } = new();

        public uint EstimateRoc(ushort sequence)
        {
            if (_highest < 32768)
            {
                return sequence - _highest > 32768 && _roc > 0 ? _roc - 1 : _roc;
            }

            return _highest - 32768 > sequence ? _roc + 1 : _roc;
        }

        public void Update(uint roc, ushort sequence)
        {
            if (roc > _roc)
            {
                _roc = roc;
                _highest = sequence;
            }
            else if (roc == _roc && sequence > _highest)
            {
                _highest = sequence;
            }
        }
    }
}

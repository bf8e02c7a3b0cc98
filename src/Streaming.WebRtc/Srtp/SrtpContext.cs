using System.Buffers.Binary;
using Streaming.WebRtc.Rtp;

namespace Streaming.WebRtc.Srtp;

/// <summary>
/// One direction's SRTP and SRTCP (RFC 3711): per-SSRC rollover counters and replay windows around the
/// negotiated profile's packet crypto. Authentication is checked before anything is decrypted or recorded,
/// and a packet counts as received only once it authenticated.
/// </summary>
internal sealed class SrtpContext : IDisposable
{
    private readonly ISrtpTransform _transform;
    private readonly Dictionary<uint, RtpStreamState> _rtpStreams = [];
    private readonly Dictionary<uint, SrtpReplayWindow> _rtcpStreams = [];
    private uint _rtcpSendIndex;

    /// <summary>An SRTP_AES128_CM_HMAC_SHA1_80 context from a 16-byte master key and 14-byte salt.</summary>
    public SrtpContext(byte[] masterKey, byte[] masterSalt)
        : this(SrtpProfile.Aes128CmSha1_80, masterKey, masterSalt)
    {
    }

    /// <summary>A context of <paramref name="profile"/> from its master key and salt.</summary>
    public SrtpContext(SrtpProfile profile, byte[] masterKey, byte[] masterSalt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _transform = profile == SrtpProfile.AeadAes128Gcm ? new AesGcmTransform(masterKey, masterSalt) : new AesCmTransform(masterKey, masterSalt);
    }

    /// <summary>Authenticates, replay-checks and decrypts an SRTP packet; null with <paramref name="failure"/> when dropped.</summary>
    public byte[]? UnprotectRtp(ReadOnlySpan<byte> packet, out SrtpFailure failure)
    {
        var headerLength = RtpHeader.Length(packet, packet.Length - _transform.TagLength);
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

        var plain = _transform.UnprotectRtp(packet, headerLength, ssrc, roc, sequence);
        if (plain is null)
        {
            failure = SrtpFailure.AuthenticationFailed;
            return null;
        }

        state ??= _rtpStreams[ssrc] = new RtpStreamState(sequence);
        state.Update(roc, sequence);
        state.Window.Accept(index);
        failure = SrtpFailure.None;
        return plain;
    }

    /// <summary>Encrypts and authenticates an RTP packet (sending side; the peer's view of this context).</summary>
    public byte[] ProtectRtp(ReadOnlySpan<byte> rtp)
    {
        var headerLength = RtpHeader.Length(rtp, rtp.Length);
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
        return _transform.ProtectRtp(rtp, headerLength, ssrc, roc, sequence);
    }

    /// <summary>Authenticates, replay-checks and decrypts an SRTCP packet; null with <paramref name="failure"/> when dropped.</summary>
    public byte[]? UnprotectRtcp(ReadOnlySpan<byte> packet, out SrtpFailure failure)
    {
        if (packet.Length < 8 + 4 + _transform.TagLength)
        {
            failure = SrtpFailure.Malformed;
            return null;
        }

        var trailer = BinaryPrimitives.ReadUInt32BigEndian(_transform.RtcpIndexLast ? packet[^4..] : packet[^(_transform.TagLength + 4)..]);
        var index = trailer & 0x7FFFFFFF;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        var window = _rtcpStreams.GetValueOrDefault(ssrc);
        if (window is not null && !window.IsFresh(index))
        {
            failure = SrtpFailure.Replayed;
            return null;
        }

        var plain = _transform.UnprotectRtcp(packet, ssrc, trailer);
        if (plain is null)
        {
            failure = SrtpFailure.AuthenticationFailed;
            return null;
        }

        window ??= _rtcpStreams[ssrc] = new SrtpReplayWindow();
        window.Accept(index);
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
        return _transform.ProtectRtcp(rtcp, BinaryPrimitives.ReadUInt32BigEndian(rtcp[4..]), index);
    }

    /// <inheritdoc />
    public void Dispose() => _transform.Dispose();

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

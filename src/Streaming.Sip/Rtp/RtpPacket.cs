using System.Buffers.Binary;

namespace Streaming.Sip.Rtp;

/// <summary>An RTP packet (RFC 3550 §5.1) with its payload located inside the datagram.</summary>
internal readonly record struct RtpPacket(int PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker, ReadOnlyMemory<byte> Payload)
{
    /// <summary>
    /// Parses a datagram; returns null with <paramref name="fault"/> set when it is not valid RTP (wrong version,
    /// header, CSRC list, extension or padding running past the end).
    /// </summary>
    public static RtpPacket? TryParse(ReadOnlyMemory<byte> datagram, out string? fault)
    {
        fault = null;
        var data = datagram.Span;
        if (data.Length < 12)
        {
            fault = "too_short";
            return null;
        }

        if (data[0] >> 6 != 2)
        {
            fault = "bad_version";
            return null;
        }

        var offset = 12 + (4 * (data[0] & 0x0F));
        if ((data[0] & 0x10) != 0 && offset + 4 <= data.Length)
        {
            offset += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(data[(offset + 2)..]));
        }
        else if ((data[0] & 0x10) != 0)
        {
            offset = int.MaxValue;
        }

        var end = data.Length;
        if ((data[0] & 0x20) != 0)
        {
            end -= data[^1];
        }

        if (offset > end || end > data.Length)
        {
            fault = "bad_header";
            return null;
        }

        return new RtpPacket(
            data[1] & 0x7F,
            BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]),
            (data[1] & 0x80) != 0,
            datagram[offset..end]);
    }

    /// <summary>Serialises a minimal packet (no CSRC, no extension); used by test peers and tools.</summary>
    public static byte[] Build(int payloadType, ushort sequence, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload, bool marker = false)
    {
        var packet = new byte[12 + payload.Length];
        packet[0] = 0x80;
        packet[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        payload.CopyTo(packet.AsSpan(12));
        return packet;
    }
}

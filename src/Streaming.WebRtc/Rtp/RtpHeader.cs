using System.Buffers.Binary;

namespace Streaming.WebRtc.Rtp;

/// <summary>The fields of an RTP header (RFC 3550 §5.1) this receiver uses, and where the payload sits.</summary>
internal readonly record struct RtpHeader(int PayloadType, ushort Sequence, uint Timestamp, uint Ssrc, int HeaderLength, int PayloadLength)
{
    /// <summary>
    /// Length of the fixed header, CSRC list and header extension within the first <paramref name="available"/>
    /// bytes; -1 when they do not fit or the version is not 2.
    /// </summary>
    public static int Length(ReadOnlySpan<byte> packet, int available)
    {
        if (available < 12 || available > packet.Length || packet[0] >> 6 != 2)
        {
            return -1;
        }

        var length = 12 + (4 * (packet[0] & 0x0F));
        if ((packet[0] & 0x10) != 0)
        {
            if (length + 4 > available)
            {
                return -1;
            }

            length += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]));
        }

        return length <= available ? length : -1;
    }

    /// <summary>Parses a decrypted RTP packet, padding removed; null when malformed.</summary>
    public static RtpHeader? TryParse(ReadOnlySpan<byte> packet)
    {
        var header = Length(packet, packet.Length);
        if (header < 0)
        {
            return null;
        }

        var end = packet.Length;
        if ((packet[0] & 0x20) != 0)
        {
            end -= packet[^1];
        }

        if (end < header)
        {
            return null;
        }

        return new RtpHeader(
            packet[1] & 0x7F,
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            header,
            end - header);
    }

    /// <summary>True for an RTCP packet sharing the port (RFC 5761 §4: packet types 192..223 in the second byte).</summary>
    public static bool IsRtcp(ReadOnlySpan<byte> packet) => packet.Length >= 2 && packet[1] is >= 192 and <= 223;
}

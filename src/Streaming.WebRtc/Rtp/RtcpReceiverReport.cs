using System.Buffers.Binary;

namespace Streaming.WebRtc.Rtp;

/// <summary>Writes RTCP receiver reports (RFC 3550 §6.4.2) and reads what a receiver needs from sender reports.</summary>
internal static class RtcpReceiverReport
{
    private const byte SenderReport = 200;
    private const byte ReceiverReport = 201;

    /// <summary>An RR from <paramref name="reporterSsrc"/> with one report block about <paramref name="stats"/>.</summary>
    public static byte[] Build(uint reporterSsrc, ReceptionStatistics stats, long nowMs)
    {
        var packet = new byte[32];
        packet[0] = 0x81; // V=2, one report block
        packet[1] = ReceiverReport;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 7); // length in 32-bit words minus one
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), reporterSsrc);
        var (fraction, cumulative, jitter) = stats.NextReport();
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), stats.Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), ((uint)fraction << 24) | ((uint)cumulative & 0xFFFFFF));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), stats.ExtendedHighest);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(20), jitter);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(24), stats.LastSenderReport);
        // Delay since the last SR in units of 1/65536 s.
        var delay = stats.LastSenderReport == 0 ? 0 : (uint)((nowMs - stats.LastSenderReportAt) * 65536 / 1000);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(28), delay);
        return packet;
    }

    /// <summary>The middle 32 bits of the NTP timestamp of the first sender report in a compound packet, if any.</summary>
    public static uint? SenderReportNtp(ReadOnlySpan<byte> compound)
    {
        var offset = 0;
        while (offset + 4 <= compound.Length)
        {
            var words = BinaryPrimitives.ReadUInt16BigEndian(compound[(offset + 2)..]) + 1;
            if (compound[offset + 1] == SenderReport && offset + 16 <= compound.Length)
            {
                return BinaryPrimitives.ReadUInt32BigEndian(compound[(offset + 10)..]);
            }

            offset += 4 * words;
        }

        return null;
    }
}

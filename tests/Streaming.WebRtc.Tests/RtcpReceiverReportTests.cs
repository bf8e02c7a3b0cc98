using System.Buffers.Binary;
using Streaming.WebRtc.Rtp;

namespace Streaming.WebRtc.Tests;

public sealed class RtcpReceiverReportTests
{
    private static RtpHeader Packet(ushort sequence) => new(111, sequence, (uint)(sequence * 960), 0xCAFEBABE, 12, 40);

    [Fact]
    public void Report_counts_a_lost_packet_across_the_sequence_wrap_and_echoes_the_last_sender_report()
    {
        var stats = new ReceptionStatistics(48000);
        foreach (var sequence in new ushort[] { 65534, 65535, 1, 2 }) // 0 is lost
        {
            stats.Record(Packet(sequence), 1000 + (20 * sequence % 1000));
        }

        stats.RecordSenderReport(0x12345678, arrivalMs: 1000);

        var report = RtcpReceiverReport.Build(0x11111111, stats, nowMs: 1500);

        Assert.Equal(32, report.Length);
        Assert.Equal(201, report[1]);
        Assert.Equal(0xCAFEBABEu, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(8)));
        Assert.Equal(256 / 5, report[12]); // 1 of 5 expected packets lost, as a fraction of 256
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(12)) & 0xFFFFFF);
        Assert.Equal(0x10002u, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(16))); // one wrap, highest 2
        Assert.Equal(0x12345678u, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(24)));
        Assert.Equal(32768u, BinaryPrimitives.ReadUInt32BigEndian(report.AsSpan(28))); // 0.5 s in 1/65536 s
    }

    [Fact]
    public void Late_packets_are_counted_as_reordered_and_gaps_that_stay_open_as_lost()
    {
        var stats = new ReceptionStatistics(48000);
        var late = new List<bool>();
        foreach (var sequence in new ushort[] { 65533, 65535, 65534, 2, 1, 4 }) // 0 and 3 never arrive
        {
            late.Add(stats.Record(Packet(sequence), 1000));
        }

        Assert.Equal([false, false, true, false, true, false], late);
        Assert.Equal(2, stats.Reordered);
        Assert.Equal(2, stats.Lost);
    }

    [Fact]
    public void Sender_report_ntp_middle_bits_are_found_in_a_compound_packet()
    {
        var compound = new byte[28 + 8];
        compound[0] = 0x80;
        compound[1] = 200;
        BinaryPrimitives.WriteUInt16BigEndian(compound.AsSpan(2), 6);
        BinaryPrimitives.WriteUInt32BigEndian(compound.AsSpan(8), 0xAABBCCDD);
        BinaryPrimitives.WriteUInt32BigEndian(compound.AsSpan(12), 0xEEFF0011);
        compound[28] = 0x81;
        compound[29] = 202;
        BinaryPrimitives.WriteUInt16BigEndian(compound.AsSpan(30), 1);

        Assert.Equal(0xCCDDEEFFu, RtcpReceiverReport.SenderReportNtp(compound));
        Assert.Null(RtcpReceiverReport.SenderReportNtp(compound.AsSpan(28)));
    }
}

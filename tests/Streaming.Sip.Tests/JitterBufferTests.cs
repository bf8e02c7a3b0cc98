using Streaming.Sip.Rtp;

namespace Streaming.Sip.Tests;

public sealed class JitterBufferTests
{
    private static RtpPacket Packet(int seq) => new(0, (ushort)seq, (uint)(seq * 160), 1, false, new byte[] { (byte)seq });

    private static List<int> Sequence(IEnumerable<JitterOutput> output) => [.. output.Select(o => (int)o.Packet.SequenceNumber)];

    [Fact]
    public void Reordered_packets_come_out_in_sequence()
    {
        var buffer = new JitterBuffer(3);
        var released = new List<JitterOutput>();
        foreach (var seq in new[] { 1, 3, 2, 5, 4, 6 })
        {
            released.AddRange(buffer.Push(Packet(seq)));
        }

        released.AddRange(buffer.Drain());
        Assert.Equal([1, 2, 3, 4, 5, 6], Sequence(released));
        Assert.All(released, o => Assert.Equal(0, o.LostBefore));
    }

    [Fact]
    public void A_gap_is_reported_as_lost_packets_once_the_buffer_gives_up_waiting()
    {
        var buffer = new JitterBuffer(2);
        var released = new List<JitterOutput>();
        foreach (var seq in new[] { 10, 13, 14, 15 })
        {
            released.AddRange(buffer.Push(Packet(seq)));
        }

        // 11 and 12 are given up when a third packet waits behind the hole; 13 carries the loss.
        Assert.Equal([10, 13, 14, 15], Sequence(released));
        Assert.Equal([0, 2, 0, 0], released.Select(o => o.LostBefore));
    }

    [Fact]
    public void Duplicates_and_late_packets_are_dropped()
    {
        var buffer = new JitterBuffer(1);
        var released = new List<JitterOutput>();
        foreach (var seq in new[] { 1, 2, 2, 3, 1, 4 })
        {
            released.AddRange(buffer.Push(Packet(seq)));
        }

        released.AddRange(buffer.Drain());
        Assert.Equal([1, 2, 3, 4], Sequence(released));
        Assert.Equal(2, buffer.Dropped);
    }

    [Fact]
    public void Sequence_wrap_around_keeps_the_order()
    {
        var buffer = new JitterBuffer(2);
        var released = new List<JitterOutput>();
        foreach (var seq in new[] { 65534, 0, 65535, 1 })
        {
            released.AddRange(buffer.Push(Packet(seq)));
        }

        released.AddRange(buffer.Drain());
        Assert.Equal([65534, 65535, 0, 1], Sequence(released));
    }
}

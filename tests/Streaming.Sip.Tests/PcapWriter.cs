using System.Buffers.Binary;

namespace Streaming.Sip.Tests;

/// <summary>
/// Writes a libpcap file of Ethernet/IPv4/UDP datagrams, the input SIPp's <c>play_pcap_audio</c> replays
/// (it sends each UDP payload to the call's negotiated media address, paced by the capture timestamps).
/// </summary>
public static class PcapWriter
{
    public static void Write(string path, IReadOnlyList<byte[]> payloads, TimeSpan interval, int sourcePort = 6000, int destinationPort = 6002)
    {
        using var file = File.Create(path);
        Span<byte> global = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(global, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(global[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(global[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(global[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(global[20..], 1); // LINKTYPE_ETHERNET
        file.Write(global);
        Span<byte> record = stackalloc byte[16];
        for (var i = 0; i < payloads.Count; i++)
        {
            var frame = Frame(payloads[i], sourcePort, destinationPort);
            var at = interval * i;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)at.TotalSeconds);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(at.Ticks % TimeSpan.TicksPerSecond / 10));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }
    }

    private static byte[] Frame(byte[] payload, int sourcePort, int destinationPort)
    {
        var frame = new byte[14 + 20 + 8 + payload.Length];
        frame[12] = 0x08; // EtherType IPv4
        var ip = frame.AsSpan(14, 20);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + 8 + payload.Length));
        ip[8] = 64;
        ip[9] = 17; // UDP
        ip[12] = 127; ip[15] = 1;
        ip[16] = 127; ip[19] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip));
        var udp = frame.AsSpan(34, 8);
        BinaryPrimitives.WriteUInt16BigEndian(udp, (ushort)sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], (ushort)destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(8 + payload.Length));
        payload.CopyTo(frame, 42);
        return frame;
    }

    private static ushort Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (var i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}

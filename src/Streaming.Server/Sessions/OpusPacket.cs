namespace Streaming.Server.Sessions;

/// <summary>Reads an Opus packet's duration from its table-of-contents byte (RFC 6716, section 3.1).</summary>
public static class OpusPacket
{
    /// <summary>Duration of the audio in <paramref name="packet"/> in seconds; 0 for an empty or malformed packet.</summary>
    public static double DurationSeconds(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            return 0;
        }

        var toc = packet[0];
        var config = toc >> 3;
        double frameMs = config switch
        {
            < 12 => (config % 4) switch { 0 => 10, 1 => 20, 2 => 40, _ => 60 },
            < 16 => config % 2 == 0 ? 10 : 20,
            _ => (config % 4) switch { 0 => 2.5, 1 => 5, 2 => 10, _ => 20 },
        };
        var frames = (toc & 3) switch
        {
            0 => 1,
            1 or 2 => 2,
            _ => packet.Length > 1 ? packet[1] & 0x3F : 0,
        };
        return frames * frameMs / 1000;
    }
}

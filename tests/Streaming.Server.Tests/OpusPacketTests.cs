using Streaming.Server.Sessions;

namespace Streaming.Server.Tests;

public sealed class OpusPacketTests
{
    [Theory]
    [InlineData(new byte[] { 0xFC }, 0.020)] // config 31 (CELT 20 ms), one frame
    [InlineData(new byte[] { 0x09 }, 0.040)] // config 1 (SILK 20 ms), two frames
    [InlineData(new byte[] { 0x1B, 0x03 }, 0.180)] // config 3 (SILK 60 ms), code 3 with three frames
    [InlineData(new byte[] { 0x80 }, 0.0025)] // config 16 (CELT 2.5 ms)
    [InlineData(new byte[0], 0.0)]
    public void Duration_comes_from_the_toc_byte(byte[] packet, double seconds)
    {
        Assert.Equal(seconds, OpusPacket.DurationSeconds(packet), 6);
    }

    [Fact]
    public void Duration_matches_what_the_encoder_produces()
    {
        using var encoder = new Streaming.Audio.OpusEncoder(16000, 1);
        var packet = new byte[4000];
        var length = encoder.Encode(new float[320], 320, packet);

        Assert.Equal(0.020, OpusPacket.DurationSeconds(packet.AsSpan(0, length)), 6);
    }
}

using Streaming.Audio;

namespace Streaming.Audio.Tests;

public class Pcm16Tests
{
    [Fact]
    public void Little_endian_bytes_convert_to_unit_range_floats()
    {
        byte[] bytes = [0x00, 0x80, 0xFF, 0x7F, 0x00, 0x00, 0x00, 0x40];
        var samples = new float[4];

        Pcm16.ToFloat(bytes, samples);

        Assert.Equal([-1f, 32767 / 32768f, 0f, 0.5f], samples);
    }

    [Fact]
    public void Odd_byte_count_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Pcm16.ToFloat(new byte[3], new float[2]));

        Assert.Contains("even number of bytes", error.Message);
    }

    [Fact]
    public void Short_destinations_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Pcm16.ToFloat(new byte[4], new float[1]));
        Assert.Throws<ArgumentException>(() => Pcm16.FromFloat(new float[2], new byte[3]));
    }

    [Fact]
    public void Out_of_range_and_NaN_samples_are_clipped()
    {
        var bytes = new byte[8];

        Pcm16.FromFloat([2f, -2f, float.NaN, 1f], bytes);

        Assert.Equal([0xFF, 0x7F, 0x00, 0x80, 0x00, 0x00, 0xFF, 0x7F], bytes);
    }

    [Fact]
    public void Every_16_bit_value_round_trips_exactly()
    {
        var bytes = new byte[65536 * 2];
        for (int i = 0; i < 65536; i++)
        {
            bytes[2 * i] = (byte)i;
            bytes[(2 * i) + 1] = (byte)(i >> 8);
        }

        var samples = new float[65536];
        var back = new byte[bytes.Length];
        Pcm16.ToFloat(bytes, samples);
        Pcm16.FromFloat(samples, back);

        Assert.Equal(bytes, back);
    }
}

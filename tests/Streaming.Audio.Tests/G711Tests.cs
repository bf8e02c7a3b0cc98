using Streaming.Audio;

namespace Streaming.Audio.Tests;

public class G711Tests
{
    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0x7E, -8)]
    public void MuLaw_known_code_points_decode_to_the_standard_values(byte code, short expected)
    {
        Assert.Equal(expected, G711.MuLawToLinear(code));
    }

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void ALaw_known_code_points_decode_to_the_standard_values(byte code, short expected)
    {
        Assert.Equal(expected, G711.ALawToLinear(code));
    }

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void MuLaw_encodes_silence_and_full_scale_to_the_standard_codes(short sample, byte expected)
    {
        Assert.Equal(expected, G711.LinearToMuLaw(sample));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void ALaw_encodes_silence_and_full_scale_to_the_standard_codes(short sample, byte expected)
    {
        Assert.Equal(expected, G711.LinearToALaw(sample));
    }

    [Fact]
    public void MuLaw_round_trip_error_is_within_half_a_quantisation_step_for_every_sample()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            int decoded = G711.MuLawToLinear(G711.LinearToMuLaw((short)x));

            // Steps double per segment: half a step never exceeds (|x| + bias) / 32; clipping stays inside that too.
            Assert.True(Math.Abs(decoded - x) <= (Math.Abs(x) + 132) / 32.0, $"x={x} decoded={decoded}");
        }
    }

    [Fact]
    public void ALaw_round_trip_error_is_within_half_a_quantisation_step_for_every_sample()
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            int decoded = G711.ALawToLinear(G711.LinearToALaw((short)x));

            // Segments 0 and 1 share a 16-unit step; above, half a step is at most |x| / 32.
            Assert.True(Math.Abs(decoded - x) <= Math.Max(8, (Math.Abs(x) / 32.0) + 8), $"x={x} decoded={decoded}");
        }
    }

    [Fact]
    public void Round_trips_are_monotonic_over_all_samples()
    {
        int previousMu = int.MinValue;
        int previousA = int.MinValue;
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            int mu = G711.MuLawToLinear(G711.LinearToMuLaw((short)x));
            int a = G711.ALawToLinear(G711.LinearToALaw((short)x));

            Assert.True(mu >= previousMu, $"µ-law decreases at {x}");
            Assert.True(a >= previousA, $"A-law decreases at {x}");
            previousMu = mu;
            previousA = a;
        }
    }

    [Fact]
    public void Every_code_is_reproduced_by_encoding_its_decoded_value()
    {
        for (int code = 0; code < 256; code++)
        {
            short mu = G711.MuLawToLinear((byte)code);
            short a = G711.ALawToLinear((byte)code);

            Assert.Equal(mu, G711.MuLawToLinear(G711.LinearToMuLaw(mu)));
            Assert.Equal((byte)code, G711.LinearToALaw(a));
        }
    }

    [Fact]
    public void Span_decoders_match_the_scalar_decoders_scaled_to_unit_range()
    {
        byte[] codes = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        var mu = new float[256];
        var a = new float[256];

        G711.DecodeMuLaw(codes, mu);
        G711.DecodeALaw(codes, a);

        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(G711.MuLawToLinear((byte)code) / 32768f, mu[code]);
            Assert.Equal(G711.ALawToLinear((byte)code) / 32768f, a[code]);
            Assert.InRange(mu[code], -1f, 1f);
        }
    }

    [Fact]
    public void Span_decoder_rejects_a_short_destination()
    {
        Assert.Throws<ArgumentException>(() => G711.DecodeMuLaw(new byte[10], new float[9]));
        Assert.Throws<ArgumentException>(() => G711.DecodeALaw(new byte[10], new float[9]));
    }
}

namespace Streaming.Audio;

/// <summary>
/// ITU-T G.711 companding: µ-law (North America, Japan) and A-law (elsewhere) between 8-bit codes
/// and 16-bit linear PCM. Codes are the transmitted octets (bit inversions included).
/// </summary>
public static class G711
{
    // µ-law adds this bias so every magnitude has a leading 1 at bit 7 or above.
    private const int MuLawBias = 0x84;

    // Largest magnitude that still fits the top segment after biasing.
    private const int MuLawClip = 32635;

    // A-law inverts the even bits of every code on the wire.
    private const int ALawEvenBits = 0x55;

    private static readonly short[] MuLawTable = BuildTable(DecodeMuLawCode);
    private static readonly short[] ALawTable = BuildTable(DecodeALawCode);

    /// <summary>Encodes one linear sample as a µ-law code.</summary>
    public static byte LinearToMuLaw(short sample)
    {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.Min(Math.Abs((int)sample), MuLawClip) + MuLawBias;
        int segment = Log2(magnitude) - 7;
        int mantissa = (magnitude >> (segment + 3)) & 0x0F;
        return (byte)~(sign | (segment << 4) | mantissa);
    }

    /// <summary>Decodes a µ-law code to linear (range ±32124).</summary>
    public static short MuLawToLinear(byte code) => MuLawTable[code];

    /// <summary>Encodes one linear sample as an A-law code.</summary>
    public static byte LinearToALaw(short sample)
    {
        // A-law works on 13-bit values; negative values use the one's complement so -1 maps to the smallest code.
        int value = sample >> 3;
        int sign = value >= 0 ? 0x80 : 0;
        int magnitude = value >= 0 ? value : -value - 1;
        int segment = magnitude < 32 ? 0 : Log2(magnitude) - 4;
        int mantissa = (segment == 0 ? magnitude >> 1 : magnitude >> segment) & 0x0F;
        return (byte)((sign | (segment << 4) | mantissa) ^ ALawEvenBits);
    }

    /// <summary>Decodes an A-law code to linear (range ±32256).</summary>
    public static short ALawToLinear(byte code) => ALawTable[code];

    /// <summary>Decodes µ-law codes to floats in [-1, 1].</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void DecodeMuLaw(ReadOnlySpan<byte> codes, Span<float> destination) =>
        Decode(codes, destination, MuLawTable);

    /// <summary>Decodes A-law codes to floats in [-1, 1].</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="codes"/>.</exception>
    public static void DecodeALaw(ReadOnlySpan<byte> codes, Span<float> destination) =>
        Decode(codes, destination, ALawTable);

    private static void Decode(ReadOnlySpan<byte> codes, Span<float> destination, short[] table)
    {
        if (destination.Length < codes.Length)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} samples but {codes.Length} codes were given.", nameof(destination));
        }

        for (int i = 0; i < codes.Length; i++)
        {
            destination[i] = table[codes[i]] / 32768f;
        }
    }

    private static short DecodeMuLawCode(byte code)
    {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 0x07;

        // Reconstruct at the middle of the quantisation step, then remove the bias.
        int magnitude = ((((bits & 0x0F) << 3) + MuLawBias) << segment) - MuLawBias;
        return (short)((bits & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short DecodeALawCode(byte code)
    {
        int bits = code ^ ALawEvenBits;
        int segment = (bits >> 4) & 0x07;

        // Step middle in 16-bit units: segments 0 and 1 share a step of 16; the implicit leading 1 appears from segment 1.
        int magnitude = ((bits & 0x0F) << 4) + 8;
        if (segment > 0)
        {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }

        return (short)((bits & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static int Log2(int value) => 31 - int.LeadingZeroCount(value);

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (int code = 0; code < table.Length; code++)
        {
            table[code] = decode((byte)code);
        }

        return table;
    }
}

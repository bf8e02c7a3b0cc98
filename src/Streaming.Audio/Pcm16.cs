using System.Buffers.Binary;

namespace Streaming.Audio;

/// <summary>Conversions between 16-bit little-endian PCM bytes and floats in [-1, 1].</summary>
public static class Pcm16
{
    /// <summary>Converts <paramref name="littleEndian"/>.Length / 2 samples into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException">The byte count is odd, or the destination is too short.</exception>
    public static void ToFloat(ReadOnlySpan<byte> littleEndian, Span<float> destination)
    {
        if (littleEndian.Length % 2 != 0)
        {
            throw new ArgumentException(
                $"16-bit PCM needs an even number of bytes; got {littleEndian.Length}.", nameof(littleEndian));
        }

        int count = littleEndian.Length / 2;
        if (destination.Length < count)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} samples but {count} are needed.", nameof(destination));
        }

        for (int i = 0; i < count; i++)
        {
            destination[i] = BinaryPrimitives.ReadInt16LittleEndian(littleEndian[(2 * i)..]) / 32768f;
        }
    }

    /// <summary>
    /// Converts samples to 16-bit little-endian PCM, rounding to nearest and clipping values outside
    /// [-1, 1); NaN becomes silence.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is shorter than 2 bytes per sample.</exception>
    public static void FromFloat(ReadOnlySpan<float> samples, Span<byte> destination)
    {
        if (destination.Length < samples.Length * 2L)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} bytes but {samples.Length * 2L} are needed.", nameof(destination));
        }

        for (int i = 0; i < samples.Length; i++)
        {
            float scaled = float.IsNaN(samples[i]) ? 0 : MathF.Round(samples[i] * 32768f);
            short value = (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
            BinaryPrimitives.WriteInt16LittleEndian(destination[(2 * i)..], value);
        }
    }
}

using System.Buffers.Binary;
using System.Text;
using Streaming.Audio;

namespace Streaming.Audio.Tests;

/// <summary>Synthesises WAV files byte by byte so tests control every header field.</summary>
internal static class TestWav
{
    /// <summary>Byte offset of the 'fmt ' body in files built without extra chunks.</summary>
    public const int FmtBodyOffset = 20;

    /// <summary>Byte offset of the first sample in canonical (non-extensible, no extra chunks) files.</summary>
    public const int CanonicalDataOffset = 44;

    /// <summary>
    /// Builds a WAV file from per-channel samples in [-1, 1].
    /// <paramref name="chunksBeforeData"/> are inserted between 'fmt ' and 'data'; <paramref name="declaredDataSize"/>
    /// overrides the data chunk size field.
    /// </summary>
    public static byte[] Build(
        int sampleRate,
        float[][] channels,
        int bits = 16,
        WavEncoding encoding = WavEncoding.Pcm,
        bool extensible = false,
        IEnumerable<(string Id, byte[] Body)>? chunksBeforeData = null,
        uint? declaredDataSize = null)
    {
        int bytesPerSample = bits / 8;
        int frames = channels[0].Length;
        var data = new byte[frames * channels.Length * bytesPerSample];
        for (int i = 0; i < frames; i++)
        {
            for (int c = 0; c < channels.Length; c++)
            {
                WriteSample(data.AsSpan(((i * channels.Length) + c) * bytesPerSample), channels[c][i], bits, encoding);
            }
        }

        int tag = encoding == WavEncoding.Pcm ? 1 : 3;
        var chunks = new List<(string Id, byte[] Body)> { ("fmt ", Fmt(extensible ? 0xFFFE : tag, channels.Length, sampleRate, bits, extensible ? tag : null)) };
        chunks.AddRange(chunksBeforeData ?? []);
        return Riff(chunks, ("data", data), declaredDataSize);
    }

    /// <summary>Builds a mono 16-bit file.</summary>
    public static byte[] Mono16(int sampleRate, float[] samples) => Build(sampleRate, [samples]);

    /// <summary>A 'fmt ' body; <paramref name="subformat"/> makes it 40-byte WAVE_FORMAT_EXTENSIBLE.</summary>
    public static byte[] Fmt(int tag, int channels, int sampleRate, int bits, int? subformat = null, int? blockAlign = null)
    {
        var body = new byte[subformat is null ? 16 : 40];
        int align = blockAlign ?? (channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        if (subformat is { } code)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), channels == 1 ? 0x4u : 0x3u);
            new Guid($"{code:X8}-0000-0010-8000-00aa00389b71").TryWriteBytes(body.AsSpan(24));
        }

        return body;
    }

    /// <summary>Assembles a RIFF/WAVE file from chunks, padding odd ones, with an optional data size override.</summary>
    public static byte[] Riff(IEnumerable<(string Id, byte[] Body)> chunks, (string Id, byte[] Body) last, uint? declaredLastSize = null)
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF"u8);
        stream.Write(new byte[4]);
        stream.Write("WAVE"u8);
        foreach ((string id, byte[] body) in chunks)
        {
            WriteChunk(stream, id, body, (uint)body.Length);
        }

        WriteChunk(stream, last.Id, last.Body, declaredLastSize ?? (uint)last.Body.Length);
        byte[] bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    /// <summary>Returns a copy with a 16-bit field overwritten.</summary>
    public static byte[] Patch16(byte[] wav, int offset, int value)
    {
        byte[] copy = (byte[])wav.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(offset), (ushort)value);
        return copy;
    }

    /// <summary>Returns a copy with a 32-bit field overwritten.</summary>
    public static byte[] Patch32(byte[] wav, int offset, uint value)
    {
        byte[] copy = (byte[])wav.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(offset), value);
        return copy;
    }

    private static void WriteChunk(Stream stream, string id, byte[] body, uint declaredSize)
    {
        stream.Write(Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, declaredSize);
        stream.Write(size);
        stream.Write(body);
        if (body.Length % 2 != 0)
        {
            stream.WriteByte(0);
        }
    }

    private static void WriteSample(Span<byte> destination, float value, int bits, WavEncoding encoding)
    {
        if (encoding == WavEncoding.IeeeFloat)
        {
            BinaryPrimitives.WriteSingleLittleEndian(destination, value);
            return;
        }

        switch (bits)
        {
            case 16:
                BinaryPrimitives.WriteInt16LittleEndian(destination, (short)Quantise(value, 16));
                break;
            case 24:
                int v = (int)Quantise(value, 24);
                destination[0] = (byte)v;
                destination[1] = (byte)(v >> 8);
                destination[2] = (byte)(v >> 16);
                break;
            default:
                BinaryPrimitives.WriteInt32LittleEndian(destination, (int)Quantise(value, 32));
                break;
        }
    }

    /// <summary>Scales by 2^(bits-1) like the reader, clamping +1.0 to the largest code.</summary>
    private static long Quantise(float value, int bits)
    {
        long full = 1L << (bits - 1);
        return Math.Clamp((long)Math.Round(value * (double)full), -full, full - 1);
    }
}

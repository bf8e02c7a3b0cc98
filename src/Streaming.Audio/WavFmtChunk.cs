using System.Buffers.Binary;

namespace Streaming.Audio;

/// <summary>Decodes and validates the body of a WAV 'fmt ' chunk.</summary>
internal static class WavFmtChunk
{
    /// <summary>The largest 'fmt ' body accepted; real ones are 16, 18 or 40 bytes.</summary>
    internal const int MaxBytes = 1024;

    private const int MinBytes = 16;
    private const int ExtensibleBytes = 40;
    private const ushort TagPcm = 0x0001;
    private const ushort TagIeeeFloat = 0x0003;
    private const ushort TagExtensible = 0xFFFE;
    private const int MaxChannels = 32;

    private static readonly int[] SupportedRates = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];

    // Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID; bytes 0..1 carry the classic format tag.
    private static ReadOnlySpan<byte> SubformatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Checks the declared size of a 'fmt ' chunk before any of it is read.</summary>
    internal static void ValidateSize(uint size)
    {
        if (size < MinBytes)
        {
            throw new WavFormatException($"'fmt ' chunk is {size} bytes; at least {MinBytes} are required.");
        }

        if (size > MaxBytes)
        {
            throw new WavFormatException(
                $"'fmt ' chunk size {size} is implausible (a valid one is at most {MaxBytes} bytes).");
        }
    }

    /// <summary>Returns (sample rate, channels, bits, encoding) or throws naming the unsupported field.</summary>
    internal static (int SampleRate, int Channels, int Bits, WavEncoding Encoding) Parse(ReadOnlySpan<byte> body)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);

        if (tag == TagExtensible)
        {
            tag = ParseExtensibleSubformat(body, bits);
        }

        WavEncoding encoding = tag switch
        {
            TagPcm => WavEncoding.Pcm,
            TagIeeeFloat => WavEncoding.IeeeFloat,
            _ => throw new WavFormatException(
                $"Unsupported codec: {CodecName(tag)} (format tag 0x{tag:X4}); only PCM and IEEE float are supported."),
        };

        if (channels == 0)
        {
            throw new WavFormatException("The 'fmt ' chunk declares zero channels.");
        }

        if (channels > MaxChannels)
        {
            throw new WavFormatException($"{channels} channels is more than the supported maximum of {MaxChannels}.");
        }

        ValidateBits(encoding, bits);

        if (Array.IndexOf(SupportedRates, (int)Math.Min(sampleRate, int.MaxValue)) < 0)
        {
            throw new WavFormatException(
                $"Unsupported sample rate {sampleRate} Hz (supported: {string.Join(", ", SupportedRates)}).");
        }

        int expectedAlign = channels * (bits / 8);
        if (blockAlign != expectedAlign)
        {
            throw new WavFormatException(
                $"Block align {blockAlign} does not match {channels} channel(s) of {bits} bits (expected {expectedAlign}).");
        }

        return ((int)sampleRate, channels, bits, encoding);
    }

    private static int ParseExtensibleSubformat(ReadOnlySpan<byte> body, int bits)
    {
        if (body.Length < ExtensibleBytes)
        {
            throw new WavFormatException(
                $"WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is {body.Length} bytes; {ExtensibleBytes} are required.");
        }

        int validBits = BinaryPrimitives.ReadUInt16LittleEndian(body[18..]);
        if (validBits > bits)
        {
            throw new WavFormatException(
                $"WAVE_FORMAT_EXTENSIBLE declares {validBits} valid bits in a {bits}-bit container.");
        }

        ReadOnlySpan<byte> guid = body.Slice(24, 16);
        if (!guid[2..].SequenceEqual(SubformatGuidTail))
        {
            throw new WavFormatException(
                $"Unsupported WAVE_FORMAT_EXTENSIBLE subformat {new Guid(guid)}; only PCM and IEEE float are supported.");
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(guid);
    }

    private static void ValidateBits(WavEncoding encoding, int bits)
    {
        if (encoding == WavEncoding.Pcm && bits is not (16 or 24 or 32))
        {
            throw new WavFormatException($"Unsupported PCM bit depth {bits} (supported: 16, 24, 32).");
        }

        if (encoding == WavEncoding.IeeeFloat && bits != 32)
        {
            throw new WavFormatException($"Unsupported IEEE float bit depth {bits} (only 32-bit float is supported).");
        }
    }

    private static string CodecName(int tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "µ-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MPEG Layer 3",
        _ => "unknown codec",
    };
}

using System.Buffers.Binary;
using System.Text;

namespace Streaming.Audio;

/// <summary>
/// The parsed RIFF/WAVE header: everything up to the first byte of the 'data' chunk.
/// Reads the stream forward only, so non-seekable streams work; sizes are checked against the
/// stream length when it is known and never used to size an allocation.
/// </summary>
/// <param name="Format">The validated format.</param>
/// <param name="DataLimit">Bytes the data chunk may hold; <see cref="long.MaxValue"/> means read to end of stream.</param>
internal sealed record WavHeader(WavFormat Format, long DataLimit)
{
    // Writers that stream (arecord, ffmpeg to a pipe) put this in the data size because the length is unknown.
    private const uint StreamingPlaceholderSize = uint.MaxValue;

    /// <summary>Reads and validates the header, leaving the stream at the first data byte.</summary>
    internal static WavHeader Read(Stream stream)
    {
        Span<byte> riff = stackalloc byte[12];
        ReadExactly(stream, riff, "RIFF header");
        if (!riff[..4].SequenceEqual("RIFF"u8))
        {
            throw new WavFormatException(
                $"Not a WAV file: expected 'RIFF' signature, found '{FourCc(riff[..4])}'.");
        }

        if (!riff[8..].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException($"Not a WAV file: RIFF form type is '{FourCc(riff[8..])}', expected 'WAVE'.");
        }

        Span<byte> chunkHeader = stackalloc byte[8];
        Span<byte> fmtBuffer = stackalloc byte[WavFmtChunk.MaxBytes];
        (int SampleRate, int Channels, int Bits, WavEncoding Encoding)? fmt = null;
        while (true)
        {
            int got = stream.ReadAtLeast(chunkHeader, chunkHeader.Length, throwOnEndOfStream: false);
            if (got == 0)
            {
                throw new WavFormatException(fmt is null ? "Missing 'fmt ' chunk." : "Missing 'data' chunk.");
            }

            if (got < chunkHeader.Length)
            {
                throw new WavFormatException($"Truncated chunk header: expected 8 bytes, the file ends after {got}.");
            }

            string id = FourCc(chunkHeader[..4]);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            long? remaining = Remaining(stream);
            switch (id)
            {
                case "fmt ":
                    if (fmt is not null)
                    {
                        throw new WavFormatException("Duplicate 'fmt ' chunk.");
                    }

                    WavFmtChunk.ValidateSize(size);
                    Span<byte> body = fmtBuffer[..(int)size];
                    ReadExactly(stream, body, "'fmt ' chunk");
                    fmt = WavFmtChunk.Parse(body);
                    SkipPadding(stream, size);
                    break;
                case "data":
                    if (fmt is not { } f)
                    {
                        throw new WavFormatException("Missing 'fmt ' chunk: the 'data' chunk comes before it.");
                    }

                    return Create(f, size, remaining);
                default:
                    if (size > remaining)
                    {
                        throw new WavFormatException(
                            $"'{id}' chunk size {size} runs past the end of the file ({remaining} bytes left).");
                    }

                    Skip(stream, size, id);
                    SkipPadding(stream, size);
                    break;
            }
        }
    }

    private static WavHeader Create(
        (int SampleRate, int Channels, int Bits, WavEncoding Encoding) fmt, uint declared, long? remaining)
    {
        int blockAlign = fmt.Channels * (fmt.Bits / 8);
        long limit;
        long dataBytes;
        if (remaining is { } available)
        {
            // Streamed or cut-short files declare more than is there: read what is there.
            limit = declared == StreamingPlaceholderSize ? available : Math.Min(declared, available);
            dataBytes = limit - (limit % blockAlign);
        }
        else if (declared == StreamingPlaceholderSize)
        {
            limit = long.MaxValue;
            dataBytes = -1;
        }
        else
        {
            limit = declared;
            dataBytes = declared - (declared % blockAlign);
        }

        return new WavHeader(new WavFormat(fmt.SampleRate, fmt.Channels, fmt.Bits, fmt.Encoding, dataBytes), limit);
    }

    private static long? Remaining(Stream stream) =>
        stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        int got = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (got < buffer.Length)
        {
            throw new WavFormatException(
                $"Truncated {what}: expected {buffer.Length} bytes, the file ends after {got}.");
        }
    }

    private static void SkipPadding(Stream stream, uint size)
    {
        // RIFF pads odd-sized chunks to an even length; a missing pad byte at end of file is harmless.
        if ((size & 1) != 0)
        {
            Span<byte> pad = stackalloc byte[1];
            stream.ReadAtLeast(pad, 1, throwOnEndOfStream: false);
        }
    }

    private static void Skip(Stream stream, long count, string id)
    {
        if (stream.CanSeek)
        {
            stream.Seek(Math.Min(count, stream.Length - stream.Position), SeekOrigin.Current);
            return;
        }

        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            int read = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (read == 0)
            {
                throw new WavFormatException($"Truncated '{id}' chunk: the stream ends inside it.");
            }

            count -= read;
        }
    }

    private static string FourCc(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return text.ToString();
    }
}

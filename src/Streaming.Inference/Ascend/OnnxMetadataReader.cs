using System.Text;

namespace Streaming.Inference.Ascend;

/// <summary>
/// Reads the <c>metadata_props</c> of an ONNX file without loading the graph: the Ascend runtime's
/// <c>.om</c> files drop them, yet a transducer's chunk and cache layout lives there. Walks the top-level
/// protobuf fields of <c>ModelProto</c>, seeking over the (large) graph.
/// </summary>
internal static class OnnxMetadataReader
{
    private const int MetadataPropsField = 14;
    private const int MaxEntryBytes = 1 << 20;

    /// <summary>The key/value pairs; empty when the file is absent.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed ONNX protobuf.</exception>
    public static IReadOnlyDictionary<string, string> Read(string onnxPath)
    {
        var result = new Dictionary<string, string>();
        if (!File.Exists(onnxPath))
        {
            return result;
        }

        using var stream = File.OpenRead(onnxPath);
        while (stream.Position < stream.Length)
        {
            ulong tag = ReadVarint(stream);
            int field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    ReadVarint(stream);
                    break;
                case 1:
                    Skip(stream, 8);
                    break;
                case 5:
                    Skip(stream, 4);
                    break;
                case 2:
                    long length = checked((long)ReadVarint(stream));
                    if (field == MetadataPropsField && length <= MaxEntryBytes)
                    {
                        var entry = new byte[length];
                        stream.ReadExactly(entry);
                        var (key, value) = ReadEntry(entry);
                        result[key] = value;
                    }
                    else
                    {
                        Skip(stream, length);
                    }

                    break;
                default:
                    throw new InvalidDataException($"'{onnxPath}' is not an ONNX model: bad protobuf wire type in field {field}.");
            }
        }

        return result;
    }

    private static (string Key, string Value) ReadEntry(byte[] entry)
    {
        string key = "", value = "";
        using var stream = new MemoryStream(entry);
        while (stream.Position < stream.Length)
        {
            ulong tag = ReadVarint(stream);
            if ((tag & 7) != 2)
            {
                throw new InvalidDataException("Malformed ONNX metadata entry.");
            }

            var bytes = new byte[checked((int)ReadVarint(stream))];
            stream.ReadExactly(bytes);
            string text = Encoding.UTF8.GetString(bytes);
            if (tag >> 3 == 1)
            {
                key = text;
            }
            else if (tag >> 3 == 2)
            {
                value = text;
            }
        }

        return (key, value);
    }

    private static ulong ReadVarint(Stream stream)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            int b = stream.ReadByte();
            if (b < 0)
            {
                throw new InvalidDataException("ONNX file ends inside a protobuf varint.");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Malformed protobuf varint in ONNX file.");
    }

    private static void Skip(Stream stream, long bytes)
    {
        if (bytes < 0 || stream.Position + bytes > stream.Length)
        {
            throw new InvalidDataException("ONNX file is truncated.");
        }

        stream.Seek(bytes, SeekOrigin.Current);
    }
}

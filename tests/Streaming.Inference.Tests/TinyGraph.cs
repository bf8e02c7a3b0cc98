using System.Text;

namespace Streaming.Inference.Tests;

/// <summary>
/// Writes a small ONNX graph, y = x·W + b with x [batch, 4] and y [batch, 3], by encoding the protobuf by
/// hand (no ONNX tooling is installed), so backends can be compared on a graph whose answer is known.
/// </summary>
internal static class TinyGraph
{
    public static readonly float[] Weights = [0.5f, -1f, 2f, 1.5f, 0.25f, -0.5f, -2f, 1f, 0.75f, 0.1f, 0.2f, 0.3f];
    public static readonly float[] Bias = [0.01f, -0.02f, 0.03f];

    public static string Write(string folder, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "tiny.onnx");
        var graph = new ProtoWriter()
            .Message(1, new ProtoWriter().Text(1, "x").Text(1, "W").Text(2, "xw").Text(3, "matmul").Text(4, "MatMul"))
            .Message(1, new ProtoWriter().Text(1, "xw").Text(1, "b").Text(2, "y").Text(3, "add").Text(4, "Add"))
            .Text(2, "tiny")
            .Message(5, FloatTensor("W", [4, 3], Weights))
            .Message(5, FloatTensor("b", [3], Bias))
            .Message(11, ValueInfo("x", 4))
            .Message(12, ValueInfo("y", 3));
        var model = new ProtoWriter()
            .Varint(1, 8)
            .Message(8, new ProtoWriter().Text(1, string.Empty).Varint(2, 17))
            .Message(7, graph);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            model.Message(14, new ProtoWriter().Text(1, key).Text(2, value));
        }

        File.WriteAllBytes(path, model.ToArray());
        return path;
    }

    /// <summary>The answer computed here, for comparison with any backend.</summary>
    public static float[] Expected(float[] x)
    {
        int rows = x.Length / 4;
        var y = new float[rows * 3];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                float sum = Bias[c];
                for (int k = 0; k < 4; k++)
                {
                    sum += x[(r * 4) + k] * Weights[(k * 3) + c];
                }

                y[(r * 3) + c] = sum;
            }
        }

        return y;
    }

    private static ProtoWriter FloatTensor(string name, long[] dims, float[] values)
    {
        var tensor = new ProtoWriter();
        foreach (long dim in dims)
        {
            tensor.Varint(1, (ulong)dim);
        }

        var raw = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return tensor.Varint(2, 1).Text(8, name).Bytes(9, raw);
    }

    private static ProtoWriter ValueInfo(string name, long columns)
    {
        var shape = new ProtoWriter()
            .Message(1, new ProtoWriter().Text(2, "batch"))
            .Message(1, new ProtoWriter().Varint(1, (ulong)columns));
        var tensorType = new ProtoWriter().Varint(1, 1).Message(2, shape);
        return new ProtoWriter().Text(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }

    private sealed class ProtoWriter
    {
        private readonly MemoryStream _stream = new();

        public ProtoWriter Varint(int field, ulong value)
        {
            Key(field, 0);
            Raw(value);
            return this;
        }

        public ProtoWriter Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

        public ProtoWriter Bytes(int field, byte[] value)
        {
            Key(field, 2);
            Raw((ulong)value.Length);
            _stream.Write(value);
            return this;
        }

        public byte[] ToArray() => _stream.ToArray();

        private void Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private void Raw(ulong value)
        {
            do
            {
                byte b = (byte)(value & 0x7f);
                value >>= 7;
                _stream.WriteByte(value != 0 ? (byte)(b | 0x80) : b);
            }
            while (value != 0);
        }
    }
}

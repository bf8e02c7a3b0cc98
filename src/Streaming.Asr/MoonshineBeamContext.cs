using System.Buffers;
using Streaming.Inference;

namespace Streaming.Asr;

/// <summary>
/// What every hypothesis of a beam shares for one segment: the encoder's hidden states and the prompt run's
/// cross-attention cache, each repeated once per beam row, so a batched decoder step takes the first rows
/// as they are. Built once per decode; the buffers are pooled.
/// </summary>
internal sealed class MoonshineBeamContext : IDisposable
{
    private readonly Row _hidden;
    private readonly Row[] _cross;

    /// <summary>Repeats <paramref name="hiddenStates"/> and the cross-attention outputs of <paramref name="prompt"/> <paramref name="rows"/> times.</summary>
    public MoonshineBeamContext(NamedTensor hiddenStates, ModelOutputs prompt, int layers, int rows)
    {
        _hidden = Repeat(hiddenStates, rows);
        _cross = new Row[layers];
        for (int i = 0; i < layers; i++)
        {
            _cross[i] = Repeat(prompt[1 + layers + i], rows);
        }
    }

    /// <summary>The hidden states for the first <paramref name="n"/> rows, named as the decoder input.</summary>
    public NamedTensor HiddenRows(int n) => _hidden.First(n, MoonshineDecoderLayout.EncoderHiddenStates);

    /// <summary>Cross-attention cache <paramref name="index"/> for the first <paramref name="n"/> rows.</summary>
    public NamedTensor CrossRows(int index, int n) => _cross[index].First(n, "cross");

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_hidden.Buffer);
        foreach (var row in _cross)
        {
            ArrayPool<byte>.Shared.Return(row.Buffer);
        }
    }

    private static Row Repeat(NamedTensor tensor, int rows)
    {
        int bytes = tensor.Data.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(bytes * rows);
        for (int r = 0; r < rows; r++)
        {
            tensor.Data.Span.CopyTo(buffer.AsSpan(r * bytes));
        }

        return new Row(buffer, bytes, tensor.Shape[1..]);
    }

    private readonly record struct Row(byte[] Buffer, int Bytes, long[] Rest)
    {
        public NamedTensor First(int n, string name) =>
            new(name, TensorElementKind.Float32, [n, .. Rest], Buffer.AsMemory(0, n * Bytes));
    }
}

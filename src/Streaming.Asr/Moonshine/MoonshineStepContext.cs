using System.Buffers;
using Streaming.Inference;

namespace Streaming.Asr.Moonshine;

/// <summary>
/// What every hypothesis decoded over one segment shares: the encoder's hidden states and the prompt run's
/// cross-attention cache, each repeated once per row a decoder step may have (the beam size; one for greedy
/// search, where the originals are used as they are), so a step takes the first rows without copying.
/// Built once per decode; repeated buffers are pooled.
/// </summary>
internal sealed class MoonshineStepContext : IDisposable
{
    private readonly Rows _hidden;
    private readonly Rows[] _cross;

    /// <summary>Repeats <paramref name="hiddenStates"/> and the cross-attention outputs of <paramref name="prompt"/> <paramref name="rows"/> times.</summary>
    public MoonshineStepContext(NamedTensor hiddenStates, ModelOutputs prompt, int layers, int rows)
    {
        _hidden = Rows.Repeat(hiddenStates, rows);
        _cross = new Rows[layers];
        for (int i = 0; i < layers; i++)
        {
            _cross[i] = Rows.Repeat(prompt[1 + layers + i], rows);
        }
    }

    /// <summary>The hidden states for the first <paramref name="n"/> rows, named as the decoder input.</summary>
    public NamedTensor HiddenRows(int n) => _hidden.First(n, MoonshineDecoderLayout.EncoderHiddenStates);

    /// <summary>Cross-attention cache <paramref name="index"/> for the first <paramref name="n"/> rows, named <paramref name="name"/>.</summary>
    public NamedTensor CrossRows(int index, int n, string name) => _cross[index].First(n, name);

    public void Dispose()
    {
        _hidden.Return();
        foreach (var rows in _cross)
        {
            rows.Return();
        }
    }

    /// <summary>A tensor's data repeated along a new leading batch axis; <see cref="Pooled"/> is null when it is the original.</summary>
    private readonly record struct Rows(Memory<byte> Data, byte[]? Pooled, int Bytes, long[] Rest)
    {
        public static Rows Repeat(NamedTensor tensor, int count)
        {
            int bytes = tensor.Data.Length;
            long[] rest = tensor.Shape[1..];
            if (count == 1)
            {
                return new Rows(tensor.Data, null, bytes, rest);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(bytes * count);
            for (int r = 0; r < count; r++)
            {
                tensor.Data.Span.CopyTo(buffer.AsSpan(r * bytes));
            }

            return new Rows(buffer, buffer, bytes, rest);
        }

        public NamedTensor First(int n, string name) => new(name, TensorElementKind.Float32, [n, .. Rest], Data[..(n * Bytes)]);

        public void Return()
        {
            if (Pooled is not null)
            {
                ArrayPool<byte>.Shared.Return(Pooled);
            }
        }
    }
}

using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr;

/// <summary>
/// Per-stream caches of a streaming Zipformer2 encoder. The encoder takes, after the features, for each
/// layer of each stack: cached_key [left, 1, heads·query_dim], cached_nonlin_attn [1, 1, left, 3·dim/4],
/// cached_val1 and cached_val2 [left, 1, heads·value_dim], cached_conv1 and cached_conv2
/// [1, dim, kernel/2]; then embed_states [1, 128, 3, ((feat−1)/2−1)/2] and processed_lens [1] (int64).
/// All start at zero; each encoder run returns their successors after its first output.
/// </summary>
internal sealed class ZipformerEncoderState : IDisposable
{
    private readonly TransducerModelMetadata _metadata;
    private readonly int _featureDimension;
    private OrtValue[] _initial = [];
    private IDisposableReadOnlyCollection<OrtValue>? _latest;

    public ZipformerEncoderState(TransducerModelMetadata metadata, int featureDimension)
    {
        _metadata = metadata;
        _featureDimension = featureDimension;
        Reset();
    }

    /// <summary>Number of state tensors the encoder expects for this metadata.</summary>
    public static int CountFor(TransducerModelMetadata metadata) => (6 * metadata.NumEncoderLayers.Sum()) + 2;

    /// <summary>Current state tensors, in encoder input order.</summary>
    public IReadOnlyList<OrtValue> Current => _latest is null ? _initial : new StateView(_latest);

    /// <summary>Takes ownership of an encoder run's outputs; outputs 1.. are the next states.</summary>
    public void Advance(IDisposableReadOnlyCollection<OrtValue> outputs)
    {
        DisposeCurrent();
        _latest = outputs;
    }

    /// <summary>Back to all-zero caches.</summary>
    public void Reset()
    {
        DisposeCurrent();
        var states = new List<OrtValue>(CountFor(_metadata));
        var m = _metadata;
        for (int stack = 0; stack < m.EncoderDims.Length; stack++)
        {
            int left = m.LeftContextLength[stack];
            int dim = m.EncoderDims[stack];
            int keyDim = m.QueryHeadDims[stack] * m.NumHeads[stack];
            int valueDim = m.ValueHeadDims[stack] * m.NumHeads[stack];
            int conv = m.CnnModuleKernels[stack] / 2;
            for (int layer = 0; layer < m.NumEncoderLayers[stack]; layer++)
            {
                states.Add(Zeros([left, 1, keyDim]));
                states.Add(Zeros([1, 1, left, 3 * dim / 4]));
                states.Add(Zeros([left, 1, valueDim]));
                states.Add(Zeros([left, 1, valueDim]));
                states.Add(Zeros([1, dim, conv]));
                states.Add(Zeros([1, dim, conv]));
            }
        }

        states.Add(Zeros([1, 128, 3, (((_featureDimension - 1) / 2) - 1) / 2]));
        states.Add(OrtValue.CreateTensorValueFromMemory(new long[1], [1]));
        _initial = [.. states];
    }

    public void Dispose() => DisposeCurrent();

    private static OrtValue Zeros(long[] shape) =>
        OrtValue.CreateTensorValueFromMemory(new float[shape.Aggregate(1L, (a, b) => a * b)], shape);

    private void DisposeCurrent()
    {
        foreach (var value in _initial)
        {
            value.Dispose();
        }

        _initial = [];
        _latest?.Dispose();
        _latest = null;
    }

    /// <summary>The outputs of an encoder run without its first (the encoder output).</summary>
    private sealed class StateView(IReadOnlyList<OrtValue> outputs) : IReadOnlyList<OrtValue>
    {
        public OrtValue this[int index] => outputs[index + 1];

        public int Count => outputs.Count - 1;

        public IEnumerator<OrtValue> GetEnumerator() => outputs.Skip(1).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

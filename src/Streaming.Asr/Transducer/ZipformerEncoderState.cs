using Streaming.Inference;

namespace Streaming.Asr.Transducer;

/// <summary>
/// Per-stream caches of a streaming Zipformer2 encoder. The encoder takes, after the features, for each
/// layer of each stack: cached_key [left, 1, heads·query_dim], cached_nonlin_attn [1, 1, left, 3·dim/4],
/// cached_val1 and cached_val2 [left, 1, heads·value_dim], cached_conv1 and cached_conv2
/// [1, dim, kernel/2]; then embed_states [1, 128, 3, ((feat−1)/2−1)/2] and processed_lens [1] (int64).
/// All start at zero; each encoder run returns their successors after its first output, which become the
/// next run's inputs as they are (renamed, not copied).
/// </summary>
internal sealed class ZipformerEncoderState : IDisposable
{
    private readonly TransducerModelMetadata _metadata;
    private readonly int _featureDimension;
    private readonly IReadOnlyList<string> _names;
    private NamedTensor[] _current = [];
    private ModelOutputs? _latest;

    /// <summary>Caches for an encoder whose cache inputs are <paramref name="names"/>, in order.</summary>
    public ZipformerEncoderState(TransducerModelMetadata metadata, int featureDimension, IReadOnlyList<string> names)
    {
        if (names.Count != CountFor(metadata))
        {
            throw new InvalidDataException($"Transducer encoder has {names.Count} cache inputs; the metadata implies {CountFor(metadata)}.");
        }

        _metadata = metadata;
        _featureDimension = featureDimension;
        _names = names;
        Reset();
    }

    /// <summary>Number of cache tensors the metadata implies.</summary>
    public static int CountFor(TransducerModelMetadata metadata) => (6 * metadata.NumEncoderLayers.Sum()) + 2;

    /// <summary>The caches to feed the next encoder run, named as its inputs.</summary>
    public IReadOnlyList<NamedTensor> Current => _current;

    /// <summary>Takes the outputs of an encoder run (encoder_out first, then the next caches) as the new state.</summary>
    public void Advance(ModelOutputs outputs)
    {
        var next = new NamedTensor[_names.Count];
        for (int i = 0; i < next.Length; i++)
        {
            next[i] = outputs[i + 1].Rename(_names[i]);
        }

        _latest?.Dispose();
        _latest = outputs;
        _current = next;
    }

    /// <summary>Back to all-zero caches, as at the start of a stream.</summary>
    public void Reset()
    {
        _latest?.Dispose();
        _latest = null;
        var shapes = new List<long[]>(_names.Count);
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
                shapes.Add([left, 1, keyDim]);
                shapes.Add([1, 1, left, 3 * dim / 4]);
                shapes.Add([left, 1, valueDim]);
                shapes.Add([left, 1, valueDim]);
                shapes.Add([1, dim, conv]);
                shapes.Add([1, dim, conv]);
            }
        }

        shapes.Add([1, 128, 3, (((_featureDimension - 1) / 2) - 1) / 2]);
        var states = new NamedTensor[_names.Count];
        for (int i = 0; i < shapes.Count; i++)
        {
            states[i] = NamedTensor.Over(_names[i], shapes[i], new float[shapes[i].Aggregate(1L, (a, b) => a * b)]);
        }

        states[^1] = NamedTensor.Over(_names[^1], [1], new long[1]);
        _current = states;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _latest?.Dispose();
        _latest = null;
    }
}

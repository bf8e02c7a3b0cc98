using Streaming.Inference;

namespace Streaming.Asr.Transducer;

/// <summary>
/// Per-stream caches of a streaming Zipformer2 encoder, and the runs that advance them. The encoder takes, after
/// the features, for each layer of each stack: cached_key [left, 1, heads·query_dim], cached_nonlin_attn
/// [1, 1, left, 3·dim/4], cached_val1 and cached_val2 [left, 1, heads·value_dim], cached_conv1 and cached_conv2
/// [1, dim, kernel/2]; then embed_states [1, 128, 3, ((feat−1)/2−1)/2] and processed_lens [1] (int64). All start at
/// zero; each run returns their successors after encoder_out.
/// Two sets of cache buffers take turns: a run reads one set and writes the other in place through a bound graph
/// (<see cref="IAcousticModel.Bind"/>), so the states are swapped, never copied, and a chunk allocates nothing. The
/// first run of a stream goes through the plain path, which tells the encoder_out shape the bindings need.
/// </summary>
internal sealed class ZipformerEncoderState : IDisposable
{
    private readonly IAcousticModel _encoder;
    private readonly NamedTensor _features;
    private readonly NamedTensor[][] _asInputs = new NamedTensor[2][];
    private readonly NamedTensor[][] _asOutputs = new NamedTensor[2][];
    private readonly IModelBinding?[] _bindings = new IModelBinding?[2];
    private float[] _output = [];
    private NamedTensor? _outputTensor;
    private int _current;

    /// <summary>
    /// Caches for <paramref name="encoder"/> (its first input the features, bound to <paramref name="features"/>;
    /// the rest caches, in order).
    /// </summary>
    public ZipformerEncoderState(TransducerModelMetadata metadata, int featureDimension, IAcousticModel encoder, NamedTensor features)
    {
        int count = CountFor(metadata);
        if (encoder.InputNames.Count - 1 != count || encoder.OutputNames.Count - 1 != count)
        {
            throw new InvalidDataException($"Transducer encoder has {encoder.InputNames.Count - 1} cache inputs; the metadata implies {count}.");
        }

        _encoder = encoder;
        _features = features;
        var shapes = Shapes(metadata, featureDimension);
        for (int set = 0; set < 2; set++)
        {
            _asInputs[set] = new NamedTensor[count];
            _asOutputs[set] = new NamedTensor[count];
            for (int i = 0; i < count; i++)
            {
                // processed_lens, the last cache, is int64; the others float.
                _asInputs[set][i] = i == count - 1
                    ? NamedTensor.Over(encoder.InputNames[i + 1], shapes[i], new long[1])
                    : NamedTensor.Over(encoder.InputNames[i + 1], shapes[i], new float[shapes[i].Aggregate(1L, (a, b) => a * b)]);
                _asOutputs[set][i] = new NamedTensor(encoder.OutputNames[i + 1], _asInputs[set][i].Kind, shapes[i], _asInputs[set][i].Data);
            }
        }
    }

    /// <summary>Number of cache tensors the metadata implies.</summary>
    public static int CountFor(TransducerModelMetadata metadata) => (6 * metadata.NumEncoderLayers.Sum()) + 2;

    /// <summary>Encoder frames of the last run's output.</summary>
    public int OutputFrames { get; private set; }

    /// <summary>Values per encoder frame.</summary>
    public int OutputDimension { get; private set; }

    /// <summary>Bytes of both cache sets and the encoder output buffer (for the memory-per-session gauge).</summary>
    public long Bytes => _asInputs.Sum(set => set.Sum(t => (long)t.Data.Length)) + ((long)_output.Length * sizeof(float));

    /// <summary>
    /// Runs the encoder on the features tensor's current contents and this stream's caches, advances the caches and
    /// returns encoder_out (<see cref="OutputFrames"/> × <see cref="OutputDimension"/>, valid until the next run).
    /// </summary>
    public ReadOnlySpan<float> Run()
    {
        if (_bindings[_current] is { } binding)
        {
            binding.Run();
        }
        else
        {
            RunUnbound();
        }

        _current = 1 - _current;
        return _output;
    }

    /// <summary>Back to all-zero caches, as at the start of a stream.</summary>
    public void Reset()
    {
        _current = 0;
        foreach (var tensor in _asInputs[0])
        {
            tensor.Data.Span.Clear();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var binding in _bindings)
        {
            binding?.Dispose();
        }
    }

    // The stream's first chunk (caches in set 0): a plain run, whose results go into the buffers the bindings then take turns on.
    private void RunUnbound()
    {
        using var outputs = _encoder.Run([_features, .. _asInputs[0]]);
        var next = _asOutputs[1];
        for (int i = 0; i < next.Length; i++)
        {
            outputs[i + 1].Data.Span.CopyTo(next[i].Data.Span);
        }

        var encoderOut = outputs[0];
        OutputFrames = (int)encoderOut.Shape[1];
        OutputDimension = (int)encoderOut.Shape[2];
        _output = encoderOut.Span<float>().ToArray();
        _outputTensor = NamedTensor.Over(_encoder.OutputNames[0], encoderOut.Shape, _output);
        for (int set = 0; set < 2; set++)
        {
            _bindings[set] = _encoder.Bind([_features, .. _asInputs[set]], [_outputTensor, .. _asOutputs[1 - set]]);
        }
    }

    /// <summary>The cache shapes, in input order (the last, processed_lens, int64).</summary>
    internal static List<long[]> Shapes(TransducerModelMetadata m, int featureDimension)
    {
        var shapes = new List<long[]>();
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

        shapes.Add([1, 128, 3, (((featureDimension - 1) / 2) - 1) / 2]);
        shapes.Add([1]);
        return shapes;
    }
}

namespace Streaming.Inference.Scheduling;

/// <summary>
/// Batches requests for one <see cref="IAcousticModel"/>: each request is a full set of graph inputs for one
/// or more streams; inputs are concatenated along their batch axis, the graph runs once, and every output is
/// cut back along its batch axis. Inputs without an axis (e.g. Silero's scalar sample rate) are shared and
/// must be equal across the batch. Works for Silero VAD (state batched on axis 1) and for transducer encoder
/// chunks with their stacked caches.
/// </summary>
public sealed class ModelBatchExecutor : IBatchExecutor<IReadOnlyList<NamedTensor>, ModelOutputs>
{
    private readonly IAcousticModel _model;
    private readonly IReadOnlyDictionary<string, int> _inputAxes;
    private readonly int[] _outputAxes;

    /// <summary>
    /// Batches <paramref name="model"/>'s calls. <paramref name="inputAxes"/> and <paramref name="outputAxes"/>
    /// give each tensor's batch axis by name; an input left out is shared, an output left out is an error.
    /// </summary>
    public ModelBatchExecutor(IAcousticModel model, IReadOnlyDictionary<string, int> inputAxes, IReadOnlyDictionary<string, int> outputAxes)
    {
        _model = model;
        _inputAxes = inputAxes;
        _outputAxes = [.. model.OutputNames.Select(n => outputAxes.TryGetValue(n, out int axis)
            ? axis
            : throw new ArgumentException($"Output '{n}' needs a batch axis.", nameof(outputAxes)))];
        foreach (string name in inputAxes.Keys.Where(n => !model.InputNames.Contains(n)))
        {
            throw new ArgumentException($"The model has no input '{name}'.", nameof(inputAxes));
        }
    }

    /// <inheritdoc />
    public ValueTask<ModelOutputs[]> ExecuteAsync(IReadOnlyList<IReadOnlyList<NamedTensor>> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 1)
        {
            return ValueTask.FromResult<ModelOutputs[]>([_model.Run(batch[0], cancellationToken: cancellationToken)]);
        }

        var sizes = new long[batch.Count];
        var stacked = new List<NamedTensor>(_model.InputNames.Count);
        foreach (string name in _model.InputNames)
        {
            var parts = batch.Select(request => request.FirstOrDefault(t => t.Name == name)
                ?? throw new ArgumentException($"A request lacks input '{name}'.", nameof(batch))).ToArray();
            if (!_inputAxes.TryGetValue(name, out int axis))
            {
                if (parts.Any(p => !p.Data.Span.SequenceEqual(parts[0].Data.Span)))
                {
                    throw new ArgumentException($"Shared input '{name}' differs between the requests of a batch.", nameof(batch));
                }

                stacked.Add(parts[0]);
                continue;
            }

            for (int i = 0; i < parts.Length; i++)
            {
                long size = parts[i].Shape.Length > axis ? parts[i].Shape[axis] : -1;
                sizes[i] = sizes[i] == 0 || sizes[i] == size
                    ? size
                    : throw new ArgumentException($"Input '{name}' of request {i} has batch size {size}, its other inputs {sizes[i]}.", nameof(batch));
            }

            stacked.Add(TensorStacking.Concat(name, parts, axis));
        }

        using var outputs = _model.Run(stacked, cancellationToken: cancellationToken);
        var results = new NamedTensor[batch.Count][];
        for (int r = 0; r < batch.Count; r++)
        {
            results[r] = new NamedTensor[outputs.Count];
        }

        for (int o = 0; o < outputs.Count; o++)
        {
            var pieces = TensorStacking.Split(outputs[o], _outputAxes[o], sizes);
            for (int r = 0; r < batch.Count; r++)
            {
                results[r][o] = pieces[r];
            }
        }

        return ValueTask.FromResult(Array.ConvertAll(results, r => new ModelOutputs(r)));
    }
}

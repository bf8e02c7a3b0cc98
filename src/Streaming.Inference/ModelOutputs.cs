namespace Streaming.Inference;

/// <summary>
/// The outputs of one <see cref="IAcousticModel.Run"/>, in graph order. Disposing it frees every output the
/// backend owns; keep it alive while any output (or a <see cref="NamedTensor.Rename"/> view of one) is in use.
/// </summary>
public sealed class ModelOutputs : IReadOnlyList<NamedTensor>, IDisposable
{
    private readonly NamedTensor[] _tensors;

    /// <summary>Takes ownership of <paramref name="tensors"/>.</summary>
    public ModelOutputs(NamedTensor[] tensors) => _tensors = tensors;

    /// <inheritdoc />
    public int Count => _tensors.Length;

    /// <inheritdoc />
    public NamedTensor this[int index] => _tensors[index];

    /// <inheritdoc />
    public IEnumerator<NamedTensor> GetEnumerator() => ((IEnumerable<NamedTensor>)_tensors).GetEnumerator();

    /// <inheritdoc />
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _tensors)
        {
            tensor.Dispose();
        }
    }
}

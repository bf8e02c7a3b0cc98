namespace Streaming.Inference;

/// <summary>
/// A fixed-shape graph bound once to caller-owned input and output tensors (see
/// <see cref="IAcousticModel.Bind"/>): each <see cref="Run"/> reads the inputs' current contents and writes
/// the outputs in place, passing no per-call tensors, so a hot loop (a VAD window, a transducer chunk)
/// allocates nothing. Not for concurrent use: one binding belongs to one stream.
/// </summary>
public interface IModelBinding : IDisposable
{
    /// <summary>Runs the graph on the bound tensors.</summary>
    /// <exception cref="InferenceException">The device or runtime failed this call.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    void Run(CancellationToken cancellationToken = default);
}

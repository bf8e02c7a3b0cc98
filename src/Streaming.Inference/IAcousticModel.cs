namespace Streaming.Inference;

/// <summary>
/// One graph loaded on a backend (Silero VAD, a Moonshine encoder or decoder, a transducer encoder, decoder
/// or joiner). Safe to run from many streams at once: the backend shares the loaded graph and keeps no
/// per-call state in it.
/// </summary>
public interface IAcousticModel : IDisposable
{
    /// <summary>Graph input names, in graph order.</summary>
    IReadOnlyList<string> InputNames { get; }

    /// <summary>Graph output names, in graph order.</summary>
    IReadOnlyList<string> OutputNames { get; }

    /// <summary>
    /// Runs the graph on <paramref name="inputs"/> (one per graph input, matched by name, any order) and
    /// returns every output in graph order. A batch of several streams is one call with stacked tensors
    /// (see <see cref="TensorStacking"/> and <c>ModelBatchExecutor</c>).
    /// </summary>
    /// <exception cref="ArgumentException">An input is missing, unknown, or of the wrong element type.</exception>
    /// <exception cref="InferenceException">The device or runtime failed this call.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    ValueTask<NamedTensor[]> RunAsync(IReadOnlyList<NamedTensor> inputs, CancellationToken cancellationToken = default);
}

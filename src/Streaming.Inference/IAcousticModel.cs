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

    /// <summary>Declared input dimensions in graph order; -1 marks a dynamic one.</summary>
    IReadOnlyList<long[]> InputShapes { get; }

    /// <summary>Declared output dimensions in graph order; -1 marks a dynamic one.</summary>
    IReadOnlyList<long[]> OutputShapes { get; }

    /// <summary>The graph's custom metadata (for example a transducer's chunk size and cache layout).</summary>
    IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>
    /// Runs the graph on <paramref name="inputs"/> (one per graph input, matched by name, any order) and
    /// returns the outputs named in <paramref name="outputNames"/>, in that order (every output in graph order
    /// when null; naming fewer spares the runtime fetching the rest where it can). A batch of several streams is one call with stacked tensors
    /// (see <see cref="TensorStacking"/> and <c>ModelBatchExecutor</c>).
    /// </summary>
    /// <exception cref="ArgumentException">An input is missing, unknown, or of the wrong element type, or an output name is unknown.</exception>
    /// <exception cref="InferenceException">The device or runtime failed this call.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    ModelOutputs Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Binds caller-owned tensors for repeated runs of a graph whose shapes do not change (every input and
    /// output, matched by name). The tensors' memory must stay valid, and their shapes fixed, until the
    /// binding is disposed.
    /// </summary>
    /// <exception cref="ArgumentException">A tensor is missing, unknown, or of the wrong element type.</exception>
    IModelBinding Bind(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<NamedTensor> outputs);
}

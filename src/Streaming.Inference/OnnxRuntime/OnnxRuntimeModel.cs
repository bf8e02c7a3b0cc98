using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Streaming.Inference.OnnxRuntime;

/// <summary>
/// One ONNX Runtime session behind <see cref="IAcousticModel"/>; runs on the calling thread. Inputs are
/// pinned in place and outputs stay in the buffers ONNX Runtime allocated, so nothing is copied.
/// </summary>
internal sealed class OnnxRuntimeModel : IAcousticModel
{
    private readonly OnnxRuntimeBackend _backend;
    private readonly InferenceSession _session;
    private readonly TensorElementKind[] _inputKinds;
    private readonly TensorElementKind[] _outputKinds;
    private readonly RunGate _gate = new();

    public OnnxRuntimeModel(OnnxRuntimeBackend backend, InferenceSession session)
    {
        _backend = backend;
        _session = session;
        InputNames = [.. session.InputNames];
        OutputNames = [.. session.OutputNames];
        _inputKinds = [.. InputNames.Select(n => ToKind(session.InputMetadata[n].ElementDataType, n))];
        _outputKinds = [.. OutputNames.Select(n => ToKind(session.OutputMetadata[n].ElementDataType, n))];
        InputShapes = [.. InputNames.Select(n => Dims(session.InputMetadata[n]))];
        OutputShapes = [.. OutputNames.Select(n => Dims(session.OutputMetadata[n]))];
        Metadata = session.ModelMetadata.CustomMetadataMap;
    }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public IReadOnlyList<long[]> InputShapes { get; }

    public IReadOnlyList<long[]> OutputShapes { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    internal InferenceSession Session => _session;

    /// <summary>Admits runs (this model's and its bindings') while the session is open.</summary>
    internal RunGate Gate => _gate;

    /// <summary>How long disposal waits for runs in flight before it leaves the session to the finaliser.</summary>
    internal static TimeSpan DisposeWait { get; } = TimeSpan.FromSeconds(10);

    public ModelOutputs Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = _gate.Enter(this);
        var ordered = ModelTensors.Order(inputs, InputNames, _inputKinds);
        outputNames ??= OutputNames;
        int[] outputIndex = ModelTensors.Indices(outputNames, OutputNames);
        var handles = new MemoryHandle[ordered.Length];
        var values = new OrtValue[ordered.Length];
        using var runOptions = NewRunOptions();

        // ONNX Runtime checks the terminate flag between nodes, so a cancelled call stops early.
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            for (int i = 0; i < ordered.Length; i++)
            {
                values[i] = Wrap(ordered[i], out handles[i]);
            }

            var outputs = _session.Run(runOptions, InputNames, values, outputNames);
            var result = new NamedTensor[outputs.Count];
            try
            {
                for (int i = 0; i < outputs.Count; i++)
                {
                    var shape = outputs[i].GetTensorTypeAndShape().Shape;
                    var memory = new OrtValueMemory(outputs[i]);
                    result[i] = new NamedTensor(outputNames[i], _outputKinds[outputIndex[i]], shape, memory.Memory, memory);
                }
            }
            catch
            {
                outputs.Dispose();
                throw;
            }

            return new ModelOutputs(result);
        }
        catch (OnnxRuntimeException ex)
        {
            throw Translate(ex, cancellationToken);
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }

            foreach (var handle in handles)
            {
                handle.Dispose();
            }
        }
    }

    public IModelBinding Bind(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<NamedTensor> outputs) =>
        new OnnxRuntimeBinding(
            this, ModelTensors.Order(inputs, InputNames, _inputKinds), ModelTensors.Order(outputs, OutputNames, _outputKinds, "output"));

    public void Dispose()
    {
        // A run still in flight (a session finishing while the server stops) keeps the session alive; releasing
        // it under that run would crash the process.
        if (_gate.Close(DisposeWait))
        {
            _session.Dispose();
        }
    }

    /// <summary>Run options for one call; after a release-cache request the call also shrinks the arena.</summary>
    internal RunOptions NewRunOptions()
    {
        var runOptions = new RunOptions();
        if (_backend.TakeReleaseRequest())
        {
            runOptions.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        }

        return runOptions;
    }

    internal Exception Translate(OnnxRuntimeException ex, CancellationToken cancellationToken) => cancellationToken.IsCancellationRequested
        ? new OperationCanceledException(cancellationToken)
        : new InferenceException($"{_backend.Name}: ONNX Runtime failed: {ex.Message}", ex);

    /// <summary>An ONNX Runtime view of <paramref name="tensor"/>'s memory, pinned through <paramref name="handle"/>.</summary>
    internal static unsafe OrtValue Wrap(NamedTensor tensor, out MemoryHandle handle)
    {
        handle = tensor.Data.Pin();
        return OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, ToOrt(tensor.Kind), tensor.Shape, (IntPtr)handle.Pointer, tensor.Data.Length);
    }

    private static long[] Dims(NodeMetadata metadata) => [.. metadata.Dimensions.Select(d => (long)d)];

    private static TensorElementType ToOrt(TensorElementKind kind) => kind switch
    {
        TensorElementKind.Float32 => TensorElementType.Float,
        TensorElementKind.Int64 => TensorElementType.Int64,
        TensorElementKind.Int32 => TensorElementType.Int32,
        _ => TensorElementType.Bool,
    };

    private static TensorElementKind ToKind(TensorElementType type, string name) => type switch
    {
        TensorElementType.Float => TensorElementKind.Float32,
        TensorElementType.Int64 => TensorElementKind.Int64,
        TensorElementType.Int32 => TensorElementKind.Int32,
        TensorElementType.Bool => TensorElementKind.Bool,
        _ => throw new InvalidDataException($"Graph tensor '{name}' has element type {type}, which no backend here supports."),
    };
}

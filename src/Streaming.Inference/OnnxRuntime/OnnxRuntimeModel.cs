using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Streaming.Inference.OnnxRuntime;

/// <summary>One ONNX Runtime session behind <see cref="IAcousticModel"/>; runs on the calling thread.</summary>
internal sealed class OnnxRuntimeModel : IAcousticModel
{
    private readonly OnnxRuntimeBackend _backend;
    private readonly InferenceSession _session;
    private readonly Dictionary<string, TensorElementKind> _inputKinds;

    public OnnxRuntimeModel(OnnxRuntimeBackend backend, InferenceSession session)
    {
        _backend = backend;
        _session = session;
        InputNames = [.. session.InputNames];
        OutputNames = [.. session.OutputNames];
        _inputKinds = session.InputMetadata.ToDictionary(p => p.Key, p => ToKind(p.Value.ElementDataType, p.Key));
        foreach (var output in session.OutputMetadata)
        {
            _ = ToKind(output.Value.ElementDataType, output.Key);
        }
    }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public ValueTask<NamedTensor[]> RunAsync(IReadOnlyList<NamedTensor> inputs, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ordered = ModelInputs.Order(inputs, InputNames, _inputKinds);
        var handles = new MemoryHandle[ordered.Length];
        var values = new OrtValue[ordered.Length];
        using var runOptions = new RunOptions();
        if (_backend.TakeReleaseRequest())
        {
            runOptions.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        }

        // ONNX Runtime checks the terminate flag between nodes, so a cancelled call stops early.
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            for (int i = 0; i < ordered.Length; i++)
            {
                handles[i] = ordered[i].Data.AsMemory().Pin();
                unsafe
                {
                    values[i] = OrtValue.CreateTensorValueWithData(
                        OrtMemoryInfo.DefaultInstance, ToOrt(ordered[i].Kind), ordered[i].Shape, (IntPtr)handles[i].Pointer, ordered[i].Data.Length);
                }
            }

            using var outputs = _session.Run(runOptions, InputNames, values, OutputNames);
            var result = new NamedTensor[outputs.Count];
            for (int i = 0; i < outputs.Count; i++)
            {
                var info = outputs[i].GetTensorTypeAndShape();
                result[i] = new NamedTensor(OutputNames[i], ToKind(info.ElementDataType, OutputNames[i]), info.Shape, outputs[i].GetTensorMutableRawData().ToArray());
            }

            return ValueTask.FromResult(result);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InferenceException($"{_backend.Name}: ONNX Runtime failed: {ex.Message}", ex);
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

    public void Dispose() => _session.Dispose();

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

using System.Buffers;
using System.Runtime.InteropServices;

namespace Streaming.Inference.Ascend;

/// <summary>
/// Caller tensors pinned once and described to the shim once; each run leases a slot, copies the inputs to
/// its device buffers, executes and copies the outputs straight into the caller's memory.
/// </summary>
internal sealed unsafe class AscendBinding : IModelBinding
{
    private readonly AscendModel _model;
    private readonly int _inputCount;
    private readonly int _outputCount;
    private readonly MemoryHandle[] _handles;
    private readonly AscendNative.Tensor* _template;
    private readonly AscendNative.Tensor* _tensors;
    private bool _disposed;

    public AscendBinding(AscendModel model, NamedTensor[] inputs, NamedTensor[] outputs)
    {
        _model = model;
        _inputCount = inputs.Length;
        _outputCount = outputs.Length;
        int count = inputs.Length + outputs.Length;
        _handles = new MemoryHandle[count];
        nuint bytes = (nuint)(count * sizeof(AscendNative.Tensor));
        _template = (AscendNative.Tensor*)NativeMemory.AllocZeroed(bytes);
        _tensors = (AscendNative.Tensor*)NativeMemory.AllocZeroed(bytes);
        for (int i = 0; i < count; i++)
        {
            var tensor = i < inputs.Length ? inputs[i] : outputs[i - inputs.Length];
            _handles[i] = tensor.Data.Pin();
            _template[i] = AscendModel.Describe(tensor.Shape, tensor.Kind, _handles[i].Pointer, (ulong)tensor.Data.Length);
        }
    }

    public void Run(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var lease = _model.Lease(cancellationToken);

        // The shim overwrites output sizes and shapes, so every run starts from the bound description.
        int count = _inputCount + _outputCount;
        new ReadOnlySpan<AscendNative.Tensor>(_template, count).CopyTo(new Span<AscendNative.Tensor>(_tensors, count));
        int code = _model.RunNative(lease.Slot, _tensors, _inputCount, _tensors + _inputCount, _outputCount);
        for (int i = _inputCount; i < count; i++)
        {
            if (code == AscendNative.OutputTooSmall || _tensors[i].Bytes != _template[i].Bytes)
            {
                throw new InferenceException(
                    $"Output {i - _inputCount} of a bound Ascend model produced {_tensors[i].Bytes} bytes where {_template[i].Bytes} are bound.");
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var handle in _handles)
        {
            handle.Dispose();
        }

        NativeMemory.Free(_template);
        NativeMemory.Free(_tensors);
    }
}

using System.Buffers;
using System.Runtime.InteropServices;

namespace Streaming.Inference.Ascend;

/// <summary>
/// A model loaded in the Ascend pool. Each call leases a slot, runs there and returns it, also on errors
/// and cancellation. Output sizes are learnt: a call whose outputs outgrow the host buffers retries once
/// with the sizes the runtime reported.
/// </summary>
internal sealed class AscendModel : IAcousticModel
{
    private const ulong InitialOutputBytes = 64 * 1024;

    private readonly AscendBackend _backend;
    private readonly Dictionary<string, TensorElementKind> _inputKinds = [];
    private readonly TensorElementKind[] _outputKinds;
    private readonly ulong[] _outputCapacity;
    private IntPtr _handle;

    public AscendModel(AscendBackend backend, IntPtr handle)
    {
        _backend = backend;
        _handle = handle;
        int inputs = AscendNative.ModelInputCount(handle);
        int outputs = AscendNative.ModelOutputCount(handle);
        var inputNames = new string[inputs];
        for (int i = 0; i < inputs; i++)
        {
            inputNames[i] = Marshal.PtrToStringUTF8(AscendNative.ModelInputName(handle, i)) ?? $"input{i}";
            _inputKinds[inputNames[i]] = Kind(AscendNative.ModelInputType(handle, i), inputNames[i]);
        }

        var outputNames = new string[outputs];
        _outputKinds = new TensorElementKind[outputs];
        _outputCapacity = new ulong[outputs];
        for (int i = 0; i < outputs; i++)
        {
            outputNames[i] = Marshal.PtrToStringUTF8(AscendNative.ModelOutputName(handle, i)) ?? $"output{i}";
            _outputKinds[i] = Kind(AscendNative.ModelOutputType(handle, i), outputNames[i]);
            _outputCapacity[i] = InitialOutputBytes;
        }

        InputNames = inputNames;
        OutputNames = outputNames;
    }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public async ValueTask<NamedTensor[]> RunAsync(IReadOnlyList<NamedTensor> inputs, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        var ordered = ModelInputs.Order(inputs, InputNames, _inputKinds);
        foreach (var tensor in ordered)
        {
            if (tensor.Shape.Length > AscendNative.MaxDims)
            {
                throw new ArgumentException($"Input '{tensor.Name}' has rank {tensor.Shape.Length}; the Ascend shim takes at most {AscendNative.MaxDims}.", nameof(inputs));
            }
        }

        using var lease = await _backend.Pool.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var capacities = SnapshotCapacities();
        if (Execute(lease.Slot, ordered, capacities, out var result))
        {
            return result;
        }

        // The runtime reported larger outputs than the buffers held: it wrote the sizes into capacities.
        GrowCapacities(capacities);
        return Execute(lease.Slot, ordered, capacities, out result)
            ? result
            : throw new AscendException(AscendNative.OutputTooSmall, $"{_backend.Name}: outputs kept outgrowing their buffers.");
    }

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero)
        {
            AscendNative.ModelUnload(handle);
            _backend.Forget(this);
        }
    }

    private static TensorElementKind Kind(int aclType, string name) =>
        AscendNative.FromAcl(aclType) ?? throw new InvalidDataException($"Ascend model tensor '{name}' has AscendCL type {aclType}, which is not supported here.");

    private ulong[] SnapshotCapacities()
    {
        lock (_outputCapacity)
        {
            return (ulong[])_outputCapacity.Clone();
        }
    }

    private void GrowCapacities(ulong[] required)
    {
        lock (_outputCapacity)
        {
            for (int i = 0; i < required.Length; i++)
            {
                _outputCapacity[i] = Math.Max(_outputCapacity[i], required[i]);
                required[i] = _outputCapacity[i];
            }
        }
    }

    /// <summary>
    /// One native run on a leased slot. False when an output did not fit: <paramref name="capacities"/> then
    /// holds the required sizes.
    /// </summary>
    private unsafe bool Execute(int slot, NamedTensor[] inputs, ulong[] capacities, out NamedTensor[] result)
    {
        int outputCount = capacities.Length;
        var outputBuffers = new byte[outputCount][];
        var handles = new MemoryHandle[inputs.Length + outputCount];
        var native = new AscendNative.Tensor[inputs.Length + outputCount];
        byte* error = stackalloc byte[AscendNative.ErrorCapacity];
        error[0] = 0;
        try
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                handles[i] = inputs[i].Data.AsMemory().Pin();
                native[i] = Describe(inputs[i].Shape, inputs[i].Kind, handles[i].Pointer, (ulong)inputs[i].Data.Length);
            }

            for (int i = 0; i < outputCount; i++)
            {
                // Pooled: outputs are copied out at their real size, so the (generous) staging buffers are reused.
                outputBuffers[i] = ArrayPool<byte>.Shared.Rent(checked((int)capacities[i]));
                handles[inputs.Length + i] = outputBuffers[i].AsMemory().Pin();
                native[inputs.Length + i] = Describe([], _outputKinds[i], handles[inputs.Length + i].Pointer, capacities[i]);
            }

            int code;
            fixed (AscendNative.Tensor* tensors = native)
            {
                code = AscendNative.Run(
                    _backend.Handle, slot, _handle, tensors, inputs.Length, tensors + inputs.Length, outputCount, error, AscendNative.ErrorCapacity);
            }

            if (code == AscendNative.OutputTooSmall)
            {
                for (int i = 0; i < outputCount; i++)
                {
                    capacities[i] = native[inputs.Length + i].Bytes;
                }

                result = [];
                return false;
            }

            if (code != AscendNative.Ok)
            {
                throw new AscendException(code, $"{_backend.Name}: {AscendNative.Message(new ReadOnlySpan<byte>(error, AscendNative.ErrorCapacity))}");
            }

            result = new NamedTensor[outputCount];
            for (int i = 0; i < outputCount; i++)
            {
                ref var tensor = ref native[inputs.Length + i];
                var shape = new long[tensor.DimsCount];
                for (int d = 0; d < shape.Length; d++)
                {
                    shape[d] = tensor.Dims[d];
                }

                result[i] = new NamedTensor(OutputNames[i], _outputKinds[i], shape, outputBuffers[i].AsSpan(0, (int)tensor.Bytes).ToArray());
            }

            return true;
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }

            foreach (var buffer in outputBuffers)
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }

    private static unsafe AscendNative.Tensor Describe(long[] shape, TensorElementKind kind, void* data, ulong bytes)
    {
        var tensor = new AscendNative.Tensor { Data = data, Bytes = bytes, DataType = AscendNative.ToAcl(kind), DimsCount = shape.Length };
        for (int d = 0; d < shape.Length; d++)
        {
            tensor.Dims[d] = shape[d];
        }

        return tensor;
    }
}

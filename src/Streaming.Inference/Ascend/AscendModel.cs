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
    private readonly TensorElementKind[] _inputKinds;
    private readonly TensorElementKind[] _outputKinds;
    private readonly ulong[] _outputCapacity;
    private IntPtr _handle;

    public AscendModel(AscendBackend backend, IntPtr handle, IReadOnlyDictionary<string, string> metadata)
    {
        _backend = backend;
        _handle = handle;
        Metadata = metadata;
        int inputs = AscendNative.ModelInputCount(handle);
        int outputs = AscendNative.ModelOutputCount(handle);
        var inputNames = new string[inputs];
        var inputShapes = new long[inputs][];
        _inputKinds = new TensorElementKind[inputs];
        for (int i = 0; i < inputs; i++)
        {
            inputNames[i] = Marshal.PtrToStringUTF8(AscendNative.ModelInputName(handle, i)) ?? $"input{i}";
            _inputKinds[i] = Kind(AscendNative.ModelInputType(handle, i), inputNames[i]);
            inputShapes[i] = Dims(handle, i, input: true, inputNames[i]);
        }

        var outputNames = new string[outputs];
        var outputShapes = new long[outputs][];
        _outputKinds = new TensorElementKind[outputs];
        _outputCapacity = new ulong[outputs];
        for (int i = 0; i < outputs; i++)
        {
            outputNames[i] = Marshal.PtrToStringUTF8(AscendNative.ModelOutputName(handle, i)) ?? $"output{i}";
            _outputKinds[i] = Kind(AscendNative.ModelOutputType(handle, i), outputNames[i]);
            outputShapes[i] = Dims(handle, i, input: false, outputNames[i]);
            _outputCapacity[i] = InitialOutputBytes;
        }

        InputNames = inputNames;
        OutputNames = outputNames;
        InputShapes = inputShapes;
        OutputShapes = outputShapes;
    }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public IReadOnlyList<long[]> InputShapes { get; }

    public IReadOnlyList<long[]> OutputShapes { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public ModelOutputs Run(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string>? outputNames = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        var ordered = CheckRank(ModelTensors.Order(inputs, InputNames, _inputKinds));
        int[]? wanted = outputNames is null ? null : ModelTensors.Indices(outputNames, OutputNames);
        ModelOutputs all;
        using (var lease = _backend.Pool.Acquire(cancellationToken))
        {
            var capacities = SnapshotCapacities();
            if (!Execute(lease.Slot, ordered, capacities, out all))
            {
                // The runtime reported larger outputs than the buffers held: it wrote the sizes into capacities.
                GrowCapacities(capacities);
                if (!Execute(lease.Slot, ordered, capacities, out all))
                {
                    throw new AscendException(AscendNative.OutputTooSmall, $"{_backend.Name}: outputs kept outgrowing their buffers.");
                }
            }
        }

        return wanted is null ? all : Select(all, wanted);
    }

    /// <summary>The outputs at <paramref name="wanted"/>, in that order; the others are freed (the graph always computes every output here).</summary>
    private static ModelOutputs Select(ModelOutputs all, int[] wanted)
    {
        var kept = new NamedTensor[wanted.Length];
        for (int i = 0; i < wanted.Length; i++)
        {
            kept[i] = all[wanted[i]];
        }

        for (int i = 0; i < all.Count; i++)
        {
            if (Array.IndexOf(wanted, i) < 0)
            {
                all[i].Dispose();
            }
        }

        return new ModelOutputs(kept);
    }

    public IModelBinding Bind(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<NamedTensor> outputs)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        return new AscendBinding(
            this,
            CheckRank(ModelTensors.Order(inputs, InputNames, _inputKinds)),
            CheckRank(ModelTensors.Order(outputs, OutputNames, _outputKinds, "output")));
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

    /// <summary>One native run on a leased slot over described tensors; throws on failure, returns the shim's code otherwise.</summary>
    internal unsafe int RunNative(int slot, AscendNative.Tensor* inputs, int inputCount, AscendNative.Tensor* outputs, int outputCount)
    {
        byte* error = stackalloc byte[AscendNative.ErrorCapacity];
        error[0] = 0;
        int code = AscendNative.Run(_backend.Handle, slot, _handle, inputs, inputCount, outputs, outputCount, error, AscendNative.ErrorCapacity);
        if (code != AscendNative.Ok && code != AscendNative.OutputTooSmall)
        {
            throw new AscendException(code, $"{_backend.Name}: {AscendNative.Message(new ReadOnlySpan<byte>(error, AscendNative.ErrorCapacity))}");
        }

        return code;
    }

    internal AscendStreamPool.Lease Lease(CancellationToken cancellationToken) => _backend.Pool.Acquire(cancellationToken);

    internal static unsafe AscendNative.Tensor Describe(long[] shape, TensorElementKind kind, void* data, ulong bytes)
    {
        var tensor = new AscendNative.Tensor { Data = data, Bytes = bytes, DataType = AscendNative.ToAcl(kind), DimsCount = shape.Length };
        for (int d = 0; d < shape.Length; d++)
        {
            tensor.Dims[d] = shape[d];
        }

        return tensor;
    }

    private static NamedTensor[] CheckRank(NamedTensor[] tensors)
    {
        foreach (var tensor in tensors)
        {
            if (tensor.Shape.Length > AscendNative.MaxDims)
            {
                throw new ArgumentException($"Tensor '{tensor.Name}' has rank {tensor.Shape.Length}; the Ascend shim takes at most {AscendNative.MaxDims}.", nameof(tensors));
            }
        }

        return tensors;
    }

    private static TensorElementKind Kind(int aclType, string name) =>
        AscendNative.FromAcl(aclType) ?? throw new InvalidDataException($"Ascend model tensor '{name}' has AscendCL type {aclType}, which is not supported here.");

    private static unsafe long[] Dims(IntPtr handle, int index, bool input, string name)
    {
        const int Capacity = 32;
        long* dims = stackalloc long[Capacity];
        int count = input ? AscendNative.ModelInputDims(handle, index, dims, Capacity) : AscendNative.ModelOutputDims(handle, index, dims, Capacity);
        return count < 0
            ? throw new InvalidDataException($"Ascend model tensor '{name}' has no readable dimensions.")
            : new ReadOnlySpan<long>(dims, count).ToArray();
    }

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
    /// One native run on a leased slot into pooled host buffers, which the returned tensors own. False when
    /// an output did not fit: <paramref name="capacities"/> then holds the required sizes.
    /// </summary>
    private unsafe bool Execute(int slot, NamedTensor[] inputs, ulong[] capacities, out ModelOutputs result)
    {
        int outputCount = capacities.Length;
        var outputBuffers = new byte[outputCount][];
        var handles = new MemoryHandle[inputs.Length + outputCount];
        var native = new AscendNative.Tensor[inputs.Length + outputCount];
        bool handedOver = false;
        try
        {
            for (int i = 0; i < inputs.Length; i++)
            {
                handles[i] = inputs[i].Data.Pin();
                native[i] = Describe(inputs[i].Shape, inputs[i].Kind, handles[i].Pointer, (ulong)inputs[i].Data.Length);
            }

            for (int i = 0; i < outputCount; i++)
            {
                outputBuffers[i] = ArrayPool<byte>.Shared.Rent(checked((int)capacities[i]));
                handles[inputs.Length + i] = outputBuffers[i].AsMemory().Pin();
                native[inputs.Length + i] = Describe([], _outputKinds[i], handles[inputs.Length + i].Pointer, capacities[i]);
            }

            int code;
            fixed (AscendNative.Tensor* tensors = native)
            {
                code = RunNative(slot, tensors, inputs.Length, tensors + inputs.Length, outputCount);
            }

            if (code == AscendNative.OutputTooSmall)
            {
                for (int i = 0; i < outputCount; i++)
                {
                    capacities[i] = native[inputs.Length + i].Bytes;
                }

                result = new ModelOutputs([]);
                return false;
            }

            var tensorsOut = new NamedTensor[outputCount];
            for (int i = 0; i < outputCount; i++)
            {
                ref var tensor = ref native[inputs.Length + i];
                var shape = new long[tensor.DimsCount];
                for (int d = 0; d < shape.Length; d++)
                {
                    shape[d] = tensor.Dims[d];
                }

                // The pooled buffer becomes the output's storage: returned to the pool when the output is disposed.
                var owner = new PooledBuffer(outputBuffers[i]);
                tensorsOut[i] = new NamedTensor(OutputNames[i], _outputKinds[i], shape, outputBuffers[i].AsMemory(0, (int)tensor.Bytes), owner);
            }

            handedOver = true;
            result = new ModelOutputs(tensorsOut);
            return true;
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }

            if (!handedOver)
            {
                foreach (var buffer in outputBuffers)
                {
                    if (buffer is not null)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }
                }
            }
        }
    }

    private sealed class PooledBuffer(byte[] buffer) : IDisposable
    {
        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}

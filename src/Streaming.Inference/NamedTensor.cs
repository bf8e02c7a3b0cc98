using System.Runtime.InteropServices;

namespace Streaming.Inference;

/// <summary>
/// A dense row-major tensor with the graph input or output name it belongs to: the backend-neutral unit
/// every <see cref="IAcousticModel"/> consumes and produces. Data is kept as bytes so one type covers every
/// element kind; <see cref="Span{T}"/> views give typed access. A model's output may live in memory the
/// backend owns (ONNX Runtime's own buffers, so a cache fed back as the next input is never copied):
/// <see cref="Dispose"/> hands it back; for caller-made tensors it does nothing.
/// </summary>
public sealed class NamedTensor : IDisposable
{
    private IDisposable? _owner;

    /// <summary>Wraps <paramref name="data"/> (not copied), checking it matches the shape.</summary>
    /// <exception cref="ArgumentException">The shape is negative or does not match the data length.</exception>
    public NamedTensor(string name, TensorElementKind kind, long[] shape, Memory<byte> data)
        : this(name, kind, shape, data, null)
    {
    }

    /// <summary>Wraps <paramref name="data"/>, which <paramref name="owner"/> frees when this tensor is disposed.</summary>
    internal NamedTensor(string name, TensorElementKind kind, long[] shape, Memory<byte> data, IDisposable? owner)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (long dim in shape)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Tensor '{name}' has a negative dimension in [{string.Join(", ", shape)}].", nameof(shape));
            }

            count *= dim;
        }

        if (count * kind.Size() != data.Length)
        {
            throw new ArgumentException(
                $"Tensor '{name}' of shape [{string.Join(", ", shape)}] needs {count * kind.Size()} bytes of {kind}, got {data.Length}.", nameof(data));
        }

        Name = name;
        Kind = kind;
        Shape = shape;
        Data = data;
        ElementCount = count;
        _owner = owner;
    }

    /// <summary>Graph input or output name.</summary>
    public string Name { get; }

    /// <summary>Element type.</summary>
    public TensorElementKind Kind { get; }

    /// <summary>Dimensions, outermost first.</summary>
    public long[] Shape { get; }

    /// <summary>Raw little-endian element bytes.</summary>
    public Memory<byte> Data { get; }

    /// <summary>Number of elements.</summary>
    public long ElementCount { get; }

    /// <summary>A float tensor holding a copy of <paramref name="values"/>.</summary>
    public static NamedTensor Float(string name, long[] shape, ReadOnlySpan<float> values) =>
        new(name, TensorElementKind.Float32, shape, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>An int64 tensor holding a copy of <paramref name="values"/>.</summary>
    public static NamedTensor Int64(string name, long[] shape, ReadOnlySpan<long> values) =>
        new(name, TensorElementKind.Int64, shape, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>A bool tensor holding a copy of <paramref name="values"/>.</summary>
    public static NamedTensor Bool(string name, long[] shape, ReadOnlySpan<bool> values) =>
        new(name, TensorElementKind.Bool, shape, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>
    /// A tensor over <paramref name="values"/> itself (not a copy): later writes to the array are what the next
    /// run reads, and outputs bound to it land in it.
    /// </summary>
    public static NamedTensor Over<T>(string name, long[] shape, T[] values)
        where T : unmanaged => new(name, KindOf<T>(), shape, new ArrayMemory<T>(values).Memory);

    /// <summary>The elements as <typeparamref name="T"/>, which must match <see cref="Kind"/>'s size.</summary>
    public Span<T> Span<T>()
        where T : unmanaged
    {
        if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != Kind.Size())
        {
            throw new InvalidOperationException($"Tensor '{Name}' holds {Kind}, not {typeof(T).Name}.");
        }

        return MemoryMarshal.Cast<byte, T>(Data.Span);
    }

    /// <summary>
    /// A view of the same data and shape under another name (for feeding one graph's output to another's
    /// input); this tensor keeps ownership, so the view is valid until this one is disposed.
    /// </summary>
    public NamedTensor Rename(string name) => new(name, Kind, Shape, Data);

    /// <summary>Frees backend-owned data; the tensor must not be used afterwards.</summary>
    public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Dispose();

    private static TensorElementKind KindOf<T>() => typeof(T) == typeof(float) ? TensorElementKind.Float32
        : typeof(T) == typeof(long) ? TensorElementKind.Int64
        : typeof(T) == typeof(int) ? TensorElementKind.Int32
        : typeof(T) == typeof(bool) ? TensorElementKind.Bool
        : throw new ArgumentException($"No tensor element kind holds {typeof(T).Name}.");

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Kind}[{string.Join(", ", Shape)}]";
}

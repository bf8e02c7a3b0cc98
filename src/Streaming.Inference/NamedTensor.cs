using System.Runtime.InteropServices;

namespace Streaming.Inference;

/// <summary>
/// A dense row-major tensor with the graph input or output name it belongs to: the backend-neutral unit
/// every <see cref="IAcousticModel"/> consumes and produces. Data is kept as bytes so one type covers every
/// element kind; <see cref="Span{T}"/> views give typed access.
/// </summary>
public sealed class NamedTensor
{
    /// <summary>Wraps <paramref name="data"/> (not copied), checking it matches the shape.</summary>
    /// <exception cref="ArgumentException">The shape is negative or does not match the data length.</exception>
    public NamedTensor(string name, TensorElementKind kind, long[] shape, byte[] data)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
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
    }

    /// <summary>Graph input or output name.</summary>
    public string Name { get; }

    /// <summary>Element type.</summary>
    public TensorElementKind Kind { get; }

    /// <summary>Dimensions, outermost first.</summary>
    public long[] Shape { get; }

    /// <summary>Raw little-endian element bytes.</summary>
    public byte[] Data { get; }

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

    /// <summary>The elements as <typeparamref name="T"/>, which must match <see cref="Kind"/>'s size.</summary>
    public Span<T> Span<T>()
        where T : unmanaged
    {
        if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != Kind.Size())
        {
            throw new InvalidOperationException($"Tensor '{Name}' holds {Kind}, not {typeof(T).Name}.");
        }

        return MemoryMarshal.Cast<byte, T>(Data.AsSpan());
    }

    /// <summary>The same data and shape under another name (for feeding one graph's output to another's input).</summary>
    public NamedTensor Rename(string name) => new(name, Kind, Shape, Data);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Kind}[{string.Join(", ", Shape)}]";
}

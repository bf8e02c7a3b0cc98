namespace Streaming.Inference;

/// <summary>
/// Concatenates tensors of several streams along a batch axis and splits a batched result back, for any
/// element type and any axis (Silero keeps its batch on axis 1 of the state; transducer caches vary).
/// </summary>
public static class TensorStacking
{
    /// <summary>Joins <paramref name="parts"/> along <paramref name="axis"/>; all other dimensions must agree.</summary>
    /// <exception cref="ArgumentException">Parts differ in kind, rank or a non-batch dimension.</exception>
    public static NamedTensor Concat(string name, IReadOnlyList<NamedTensor> parts, int axis)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var first = parts[0];
        CheckAxis(first, axis);
        long total = 0;
        foreach (var part in parts)
        {
            if (part.Kind != first.Kind || part.Shape.Length != first.Shape.Length)
            {
                throw new ArgumentException($"Cannot stack {part} with {first}: kind or rank differs.", nameof(parts));
            }

            for (int d = 0; d < first.Shape.Length; d++)
            {
                if (d != axis && part.Shape[d] != first.Shape[d])
                {
                    throw new ArgumentException($"Cannot stack {part} with {first} on axis {axis}: dimension {d} differs.", nameof(parts));
                }
            }

            total += part.Shape[axis];
        }

        long[] shape = (long[])first.Shape.Clone();
        shape[axis] = total;
        var (outer, inner) = Blocks(first, axis);
        var data = new byte[checked((int)(outer * total * inner))];
        long offset = 0;
        for (long o = 0; o < outer; o++)
        {
            foreach (var part in parts)
            {
                int length = checked((int)(part.Shape[axis] * inner));
                part.Data.Span.Slice(checked((int)(o * length)), length).CopyTo(data.AsSpan(checked((int)offset)));
                offset += length;
            }
        }

        return new NamedTensor(name, first.Kind, shape, data);
    }

    /// <summary>Cuts <paramref name="tensor"/> along <paramref name="axis"/> into pieces of the given sizes.</summary>
    /// <exception cref="ArgumentException">The sizes do not add up to the axis length.</exception>
    public static NamedTensor[] Split(NamedTensor tensor, int axis, IReadOnlyList<long> sizes)
    {
        CheckAxis(tensor, axis);
        if (sizes.Sum() != tensor.Shape[axis])
        {
            throw new ArgumentException($"Cannot split {tensor} on axis {axis} into [{string.Join(", ", sizes)}].", nameof(sizes));
        }

        var (outer, inner) = Blocks(tensor, axis);
        var pieces = new NamedTensor[sizes.Count];
        long sourceOffset = 0;
        var data = new byte[sizes.Count][];
        for (int p = 0; p < sizes.Count; p++)
        {
            data[p] = new byte[checked((int)(outer * sizes[p] * inner))];
        }

        for (long o = 0; o < outer; o++)
        {
            for (int p = 0; p < sizes.Count; p++)
            {
                int length = checked((int)(sizes[p] * inner));
                tensor.Data.Span.Slice(checked((int)sourceOffset), length).CopyTo(data[p].AsSpan(checked((int)(o * length))));
                sourceOffset += length;
            }
        }

        for (int p = 0; p < sizes.Count; p++)
        {
            long[] shape = (long[])tensor.Shape.Clone();
            shape[axis] = sizes[p];
            pieces[p] = new NamedTensor(tensor.Name, tensor.Kind, shape, data[p]);
        }

        return pieces;
    }

    private static void CheckAxis(NamedTensor tensor, int axis)
    {
        if (axis < 0 || axis >= tensor.Shape.Length)
        {
            throw new ArgumentException($"Axis {axis} is outside {tensor}.", nameof(axis));
        }
    }

    /// <summary>Elements before the axis (outer count) and bytes of one step along it (inner block).</summary>
    private static (long Outer, long Inner) Blocks(NamedTensor tensor, int axis)
    {
        long outer = 1;
        for (int d = 0; d < axis; d++)
        {
            outer *= tensor.Shape[d];
        }

        long inner = tensor.Kind.Size();
        for (int d = axis + 1; d < tensor.Shape.Length; d++)
        {
            inner *= tensor.Shape[d];
        }

        return (outer, inner);
    }
}

namespace Streaming.Inference;

/// <summary>Matches caller tensors to a graph's inputs or outputs by name, with clear errors: shared by every backend.</summary>
internal static class ModelTensors
{
    /// <summary>Orders <paramref name="tensors"/> as <paramref name="names"/>; <paramref name="role"/> ("input"/"output") names them in errors.</summary>
    public static NamedTensor[] Order(
        IReadOnlyList<NamedTensor> tensors, IReadOnlyList<string> names, IReadOnlyList<TensorElementKind> kinds, string role = "input")
    {
        var ordered = new NamedTensor[names.Count];
        foreach (var tensor in tensors)
        {
            int index = IndexOf(names, tensor.Name);
            if (index < 0)
            {
                throw new ArgumentException($"The model has no {role} '{tensor.Name}'; its {role}s are {string.Join(", ", names)}.", nameof(tensors));
            }

            if (ordered[index] is not null)
            {
                throw new ArgumentException($"The {role} '{tensor.Name}' is given twice.", nameof(tensors));
            }

            if (kinds[index] != tensor.Kind)
            {
                throw new ArgumentException($"The {role} '{tensor.Name}' must be {kinds[index]}, not {tensor.Kind}.", nameof(tensors));
            }

            ordered[index] = tensor;
        }

        for (int i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is null)
            {
                throw new ArgumentException($"The {role} '{names[i]}' is missing.", nameof(tensors));
            }
        }

        return ordered;
    }

    /// <summary>Positions of <paramref name="wanted"/> among <paramref name="names"/>.</summary>
    /// <exception cref="ArgumentException">A wanted name is not among them.</exception>
    public static int[] Indices(IReadOnlyList<string> wanted, IReadOnlyList<string> names)
    {
        var indices = new int[wanted.Count];
        for (int i = 0; i < wanted.Count; i++)
        {
            indices[i] = IndexOf(names, wanted[i]);
            if (indices[i] < 0)
            {
                throw new ArgumentException($"The model has no output '{wanted[i]}'; its outputs are {string.Join(", ", names)}.", nameof(wanted));
            }
        }

        return indices;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}

namespace Streaming.Inference;

/// <summary>Matches caller tensors to a graph's inputs by name, with clear errors: shared by every backend.</summary>
internal static class ModelInputs
{
    public static NamedTensor[] Order(IReadOnlyList<NamedTensor> inputs, IReadOnlyList<string> names, IReadOnlyDictionary<string, TensorElementKind> kinds)
    {
        var ordered = new NamedTensor[names.Count];
        foreach (var tensor in inputs)
        {
            int index = IndexOf(names, tensor.Name);
            if (index < 0)
            {
                throw new ArgumentException($"The model has no input '{tensor.Name}'; its inputs are {string.Join(", ", names)}.", nameof(inputs));
            }

            if (ordered[index] is not null)
            {
                throw new ArgumentException($"Input '{tensor.Name}' is given twice.", nameof(inputs));
            }

            if (kinds[tensor.Name] != tensor.Kind)
            {
                throw new ArgumentException($"Input '{tensor.Name}' must be {kinds[tensor.Name]}, not {tensor.Kind}.", nameof(inputs));
            }

            ordered[index] = tensor;
        }

        for (int i = 0; i < ordered.Length; i++)
        {
            if (ordered[i] is null)
            {
                throw new ArgumentException($"Input '{names[i]}' is missing.", nameof(inputs));
            }
        }

        return ordered;
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

namespace Streaming.Inference;

/// <summary>Element types a <see cref="NamedTensor"/> can hold: the ones the speech models here use.</summary>
public enum TensorElementKind
{
    /// <summary>32-bit IEEE float.</summary>
    Float32,

    /// <summary>64-bit signed integer.</summary>
    Int64,

    /// <summary>32-bit signed integer.</summary>
    Int32,

    /// <summary>One byte, 0 or 1.</summary>
    Bool,
}

/// <summary>Sizes of <see cref="TensorElementKind"/> values.</summary>
public static class TensorElementKindExtensions
{
    /// <summary>Bytes per element.</summary>
    public static int Size(this TensorElementKind kind) => kind switch
    {
        TensorElementKind.Float32 or TensorElementKind.Int32 => 4,
        TensorElementKind.Int64 => 8,
        TensorElementKind.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown element kind."),
    };
}

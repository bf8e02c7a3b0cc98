namespace Streaming.Inference.Ascend;

/// <summary>An AscendCL or shim call failed; <see cref="Code"/> is the AscendCL error code (or a negative shim code).</summary>
public sealed class AscendException : InferenceException
{
    /// <summary>Creates the exception.</summary>
    public AscendException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>AscendCL error code (e.g. 507015 for an AI Core exception), or a negative shim code.</summary>
    public int Code { get; }
}

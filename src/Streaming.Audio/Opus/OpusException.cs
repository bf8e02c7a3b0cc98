namespace Streaming.Audio;

/// <summary>libopus reported an error (bad argument, corrupted packet, buffer too small, …).</summary>
public sealed class OpusException : Exception
{
    internal OpusException(string function, int errorCode)
        : base($"{function} failed: {NameOf(errorCode)} ({OpusNative.ErrorString(errorCode)}).")
    {
        ErrorCode = errorCode;
    }

    /// <summary>The negative libopus error code, e.g. -4 for OPUS_INVALID_PACKET.</summary>
    public int ErrorCode { get; }

    /// <summary>The libopus name of <see cref="ErrorCode"/>, e.g. "OPUS_INVALID_PACKET".</summary>
    public string ErrorName => NameOf(ErrorCode);

    private static string NameOf(int errorCode) => errorCode switch
    {
        -1 => "OPUS_BAD_ARG",
        -2 => "OPUS_BUFFER_TOO_SMALL",
        -3 => "OPUS_INTERNAL_ERROR",
        -4 => "OPUS_INVALID_PACKET",
        -5 => "OPUS_UNIMPLEMENTED",
        -6 => "OPUS_INVALID_STATE",
        -7 => "OPUS_ALLOC_FAIL",
        _ => $"opus error {errorCode}",
    };
}

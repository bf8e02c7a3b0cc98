namespace Streaming.Jobs.Decoding;

/// <summary>An audio file could not be decoded; the message says why in terms a client can act on.</summary>
public sealed class AudioDecodeException : IOException
{
    /// <summary>Creates the exception.</summary>
    public AudioDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public AudioDecodeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

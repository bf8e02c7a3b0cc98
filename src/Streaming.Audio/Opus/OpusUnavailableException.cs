namespace Streaming.Audio;

/// <summary>The native libopus library could not be loaded; the message says which package to install.</summary>
public sealed class OpusUnavailableException : DllNotFoundException
{
    /// <summary>Creates the exception with installation advice.</summary>
    public OpusUnavailableException(string message)
        : base(message)
    {
    }
}

namespace Streaming.Inference.Devices;

/// <summary>The configured device cannot be used here (no hardware, runtime or execution provider); the message says why.</summary>
public sealed class DeviceUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeviceUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

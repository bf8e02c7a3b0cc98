namespace Streaming.Pipeline.Models;

/// <summary>A session or job asked for a language or model this server does not serve; the message lists what it does.</summary>
public sealed class ModelChoiceException : ArgumentException
{
    /// <summary>Creates the exception with its message.</summary>
    public ModelChoiceException(string message)
        : base(message)
    {
    }
}

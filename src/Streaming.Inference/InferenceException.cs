namespace Streaming.Inference;

/// <summary>A backend or device failed one inference call; other calls and streams are unaffected.</summary>
public class InferenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InferenceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

namespace Streaming.Inference.Scheduling;

/// <summary>The scheduler's queue is full: the caller should shed load (tell the client) rather than wait.</summary>
public sealed class InferenceOverloadedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InferenceOverloadedException(string message)
        : base(message)
    {
    }
}

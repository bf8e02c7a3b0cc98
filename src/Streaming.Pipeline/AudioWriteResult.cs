namespace Streaming.Pipeline;

/// <summary>What happened to a packet offered to <see cref="SessionPipeline.TryWriteAudio"/>.</summary>
public enum AudioWriteResult
{
    /// <summary>Queued for processing.</summary>
    Accepted,

    /// <summary>
    /// Refused: the session's input queue is full because processing cannot keep up. The packet was not
    /// taken; the producer must slow down or end the session, and should tell its client.
    /// </summary>
    Overloaded,

    /// <summary>Refused: the session has completed or failed and takes no more audio.</summary>
    Closed,
}

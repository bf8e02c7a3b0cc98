namespace Streaming.Server.Sessions;

/// <summary>What <see cref="SubscriberQueue.Enqueue"/> did.</summary>
public enum EnqueueOutcome
{
    /// <summary>Queued with room to spare.</summary>
    Queued,

    /// <summary>Queued after dropping a partial (the oldest waiting one, or this one if none was waiting).</summary>
    DroppedPartial,

    /// <summary>Not queued: too many events that must not be dropped are waiting; the viewer is too slow.</summary>
    Overflow,

    /// <summary>Not queued: the queue was completed.</summary>
    Completed,
}

namespace Streaming.Inference.Scheduling;

/// <summary>Dynamic batching settings of an <see cref="InferenceScheduler{TRequest, TResult}"/>, validated at start-up.</summary>
public sealed class BatchingOptions
{
    /// <summary>Most requests joined into one backend call.</summary>
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>How long a batch that is not full waits for more requests after its first one.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Requests that may wait; beyond this, submissions are refused as overload.</summary>
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Batches in flight at once (e.g. the Ascend pool size, or 1–2 on CPU).</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, with its name.</exception>
    public void Validate()
    {
        if (MaxBatchSize < 1)
        {
            throw new ArgumentException($"{nameof(MaxBatchSize)} must be at least 1, not {MaxBatchSize}.");
        }

        if (MaxWait < TimeSpan.Zero || MaxWait > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"{nameof(MaxWait)} must be between 0 and 1 s, not {MaxWait}.");
        }

        if (QueueCapacity < 1)
        {
            throw new ArgumentException($"{nameof(QueueCapacity)} must be at least 1, not {QueueCapacity}.");
        }

        if (Concurrency is < 1 or > 256)
        {
            throw new ArgumentException($"{nameof(Concurrency)} must be between 1 and 256, not {Concurrency}.");
        }
    }
}

namespace Streaming.Jobs;

/// <summary>The spelling of <see cref="JobState"/> in the store and on the wire.</summary>
public static class JobStateNames
{
    /// <summary>The wire spelling of <paramref name="state"/>: queued, running, completed, failed or cancelled.</summary>
    public static string ToName(this JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Completed => "completed",
        JobState.Failed => "failed",
        _ => "cancelled",
    };

    /// <summary>The state spelled <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">An unknown spelling in the store.</exception>
    public static JobState Parse(string name) => name switch
    {
        "queued" => JobState.Queued,
        "running" => JobState.Running,
        "completed" => JobState.Completed,
        "failed" => JobState.Failed,
        "cancelled" => JobState.Cancelled,
        _ => throw new InvalidDataException($"Unknown job state '{name}' in the job store."),
    };

    /// <summary>Whether no further change of the job will follow.</summary>
    public static bool IsFinished(this JobState state) => state is JobState.Completed or JobState.Failed or JobState.Cancelled;
}

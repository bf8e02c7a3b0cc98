namespace Streaming.Jobs;

/// <summary>
/// The <c>jobProgress</c> event: a job's state after a change (a file claimed, a segment stored, a file finished).
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="State">The job's state.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Files">Every file of the job, in upload order.</param>
public sealed record JobProgress(string JobId, JobState State, double Progress, IReadOnlyList<JobFileProgress> Files)
{
    /// <summary>The progress event for a snapshot of the job.</summary>
    public static JobProgress From(JobSnapshot job) =>
        new(job.Id, job.State, job.Progress, job.Files.Select(f => new JobFileProgress(f.Name, f.State, f.Progress, f.Error)).ToArray());
}

/// <summary>One file in a <see cref="JobProgress"/> event.</summary>
/// <param name="Name">File name.</param>
/// <param name="State">Its state.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record JobFileProgress(string Name, JobState State, double Progress, string? Error);

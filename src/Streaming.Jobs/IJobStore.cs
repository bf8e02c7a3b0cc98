namespace Streaming.Jobs;

/// <summary>
/// The persistent job store and queue. Workers claim files atomically under a lease; every write a worker
/// makes is accepted only while it still holds that lease, so a file is never processed by two workers and
/// a segment is never stored twice.
/// </summary>
public interface IJobStore
{
    /// <summary>Creates the tables if they do not exist.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new queued job <paramref name="jobId"/> (see <see cref="JobIds"/>) with its files.</summary>
    Task CreateJobAsync(string jobId, JobSettings settings, IReadOnlyList<NewJobFile> files, CancellationToken cancellationToken);

    /// <summary>The job, or null when there is none with that id.</summary>
    Task<JobSnapshot?> GetJobAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The persisted segments of a file, in order.</summary>
    Task<IReadOnlyList<TranscriptSegment>> GetSegmentsAsync(string fileId, CancellationToken cancellationToken);

    /// <summary>Marks the job cancelled and its unfinished files with it; false when the job does not exist.</summary>
    Task<bool> CancelJobAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the oldest waiting file — queued, or running under an expired lease — for <paramref name="workerId"/>;
    /// null when none waits. Files claimed <paramref name="maxAttempts"/> times are failed instead.
    /// </summary>
    Task<ClaimedFile?> TryClaimFileAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Extends the lease; false when the worker no longer holds the file (expired and re-claimed, or cancelled).</summary>
    Task<bool> RenewLeaseAsync(ClaimedFile file, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Persists a finished segment, the resume point after it and the file's progress in one transaction;
    /// false (and nothing stored) when the worker no longer holds the file.
    /// </summary>
    Task<bool> AppendSegmentAsync(ClaimedFile file, TranscriptSegment segment, long resumeSample, double progress, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the file completed; false when the worker no longer holds it.</summary>
    Task<bool> CompleteFileAsync(ClaimedFile file, double duration, CancellationToken cancellationToken);

    /// <summary>Marks the file failed with <paramref name="error"/>; false when the worker no longer holds it.</summary>
    Task<bool> FailFileAsync(ClaimedFile file, string error, CancellationToken cancellationToken);

    /// <summary>Gives the file back to the queue (a worker shutting down); its persisted segments are kept.</summary>
    Task ReleaseFileAsync(ClaimedFile file, CancellationToken cancellationToken);
}

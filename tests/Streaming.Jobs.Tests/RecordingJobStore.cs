using System.Collections.Concurrent;

namespace Streaming.Jobs.Tests;

/// <summary>Wraps a real store and records which files this server's worker claimed.</summary>
public sealed class RecordingJobStore(IJobStore inner) : IJobStore
{
    public ConcurrentQueue<string> ClaimedNames { get; } = new();

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task CreateJobAsync(string jobId, JobSettings settings, IReadOnlyList<NewJobFile> files, CancellationToken cancellationToken) =>
        inner.CreateJobAsync(jobId, settings, files, cancellationToken);

    public Task<JobSnapshot?> GetJobAsync(string jobId, CancellationToken cancellationToken) => inner.GetJobAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<TranscriptSegment>> GetSegmentsAsync(string fileId, CancellationToken cancellationToken) => inner.GetSegmentsAsync(fileId, cancellationToken);

    public Task<bool> CancelJobAsync(string jobId, CancellationToken cancellationToken) => inner.CancelJobAsync(jobId, cancellationToken);

    public async Task<ClaimedFile?> TryClaimFileAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        var claimed = await inner.TryClaimFileAsync(workerId, lease, maxAttempts, cancellationToken);
        if (claimed is not null)
        {
            ClaimedNames.Enqueue(claimed.Name);
        }

        return claimed;
    }

    public Task<bool> RenewLeaseAsync(ClaimedFile file, TimeSpan lease, CancellationToken cancellationToken) => inner.RenewLeaseAsync(file, lease, cancellationToken);

    public Task<bool> AppendSegmentAsync(ClaimedFile file, TranscriptSegment segment, long resumeSample, double progress, TimeSpan lease, CancellationToken cancellationToken) =>
        inner.AppendSegmentAsync(file, segment, resumeSample, progress, lease, cancellationToken);

    public Task<bool> CompleteFileAsync(ClaimedFile file, double duration, CancellationToken cancellationToken) => inner.CompleteFileAsync(file, duration, cancellationToken);

    public Task<bool> FailFileAsync(ClaimedFile file, string error, CancellationToken cancellationToken) => inner.FailFileAsync(file, error, cancellationToken);

    public Task ReleaseFileAsync(ClaimedFile file, CancellationToken cancellationToken) => inner.ReleaseFileAsync(file, cancellationToken);
}

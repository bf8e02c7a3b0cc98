namespace Streaming.Jobs;

/// <summary>
/// Receives job progress as workers make it: the seam where the server forwards <c>jobProgress</c> to the
/// SignalR group of the job. Register any number with DI; each gets every event. Calls must return quickly.
/// </summary>
public interface IJobProgressSink
{
    /// <summary>Called after each change of a job processed by this server's workers.</summary>
    ValueTask OnProgressAsync(JobProgress progress, CancellationToken cancellationToken);
}

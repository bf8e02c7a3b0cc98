using Microsoft.Extensions.Logging;

namespace Streaming.Jobs;

/// <summary>Reads a job's current state from the store and hands it to every registered <see cref="IJobProgressSink"/>.</summary>
public sealed class JobProgressNotifier(IJobStore store, IEnumerable<IJobProgressSink> sinks, ILogger<JobProgressNotifier> logger)
{
    private readonly IJobProgressSink[] _sinks = [.. sinks];

    /// <summary>Publishes the job's state; a failing sink is logged and never stops the work.</summary>
    public async Task NotifyAsync(string jobId, CancellationToken cancellationToken)
    {
        if (_sinks.Length == 0 || await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false) is not { } job)
        {
            return;
        }

        var progress = JobProgress.From(job);
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.OnProgressAsync(progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Job progress sink {Sink} failed for job {JobId}", sink.GetType().Name, jobId);
            }
        }
    }
}

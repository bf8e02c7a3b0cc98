using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Streaming.Jobs;

/// <summary>
/// An in-process <see cref="IJobProgressSink"/> that fans events out to subscribers of a job (the
/// <c>/api/jobs/{id}/events</c> stream). Each subscriber has a small bounded queue that drops its oldest
/// event when full: progress events supersede each other, so the newest, including the final one, is kept.
/// </summary>
public sealed class JobProgressBroadcaster : IJobProgressSink
{
    private const int QueueLength = 32;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<JobProgress>, byte>> _subscribers = new();

    /// <summary>Starts receiving the events of <paramref name="jobId"/>; dispose the subscription to stop.</summary>
    public JobProgressSubscription Subscribe(string jobId)
    {
        var channel = Channel.CreateBounded<JobProgress>(new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropOldest });
        var set = _subscribers.GetOrAdd(jobId, _ => new());
        set.TryAdd(channel, 0);
        return new JobProgressSubscription(channel.Reader, () =>
        {
            set.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
    }

    /// <inheritdoc />
    public ValueTask OnProgressAsync(JobProgress progress, CancellationToken cancellationToken)
    {
        if (_subscribers.TryGetValue(progress.JobId, out var set))
        {
            foreach (var channel in set.Keys)
            {
                channel.Writer.TryWrite(progress);
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A subscription to one job's progress events.</summary>
public sealed class JobProgressSubscription(ChannelReader<JobProgress> events, Action unsubscribe) : IDisposable
{
    /// <summary>The events, oldest first.</summary>
    public ChannelReader<JobProgress> Events { get; } = events;

    /// <inheritdoc />
    public void Dispose() => unsubscribe();
}

using Microsoft.Extensions.Logging;
using Streaming.Protocol;
using Streaming.Server.Telemetry;

namespace Streaming.Server.Sessions;

/// <summary>One watcher of a session: its bounded queue and the task that drains it into its sink.</summary>
public sealed class Subscriber
{
    private readonly ISessionEventSink _sink;
    private readonly SubscriberQueue _queue;
    private readonly StreamingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private int _delivered;

    /// <summary>Starts delivering to <paramref name="sink"/>.</summary>
    public Subscriber(ISessionEventSink sink, int capacity, StreamingMetrics metrics, ILogger logger)
    {
        _sink = sink;
        _queue = new SubscriberQueue(capacity);
        _metrics = metrics;
        _logger = logger;
        Delivery = Task.Run(DeliverAsync);
    }

    /// <summary>The subscriber's connection.</summary>
    public string ConnectionId => _sink.ConnectionId;

    /// <summary>Events waiting for this subscriber.</summary>
    public int QueueDepth => _queue.Count;

    /// <summary>Events delivered so far.</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Completes when everything queued was delivered (or delivery failed or was stopped).</summary>
    public Task Delivery { get; }

    /// <summary>Queues an event; false when the subscriber is too slow and must be removed.</summary>
    public bool Offer(OutgoingEvent item, string sessionId)
    {
        switch (_queue.Enqueue(item))
        {
            case EnqueueOutcome.DroppedPartial:
                _metrics.PartialDropped();
                return true;
            case EnqueueOutcome.Overflow:
                // What it has not read is abandoned; it is told why it stops receiving.
                _queue.Abandon(new OutgoingEvent(HubNames.Error, new SessionError
                {
                    SessionId = sessionId,
                    Code = ErrorCodes.SubscriberTooSlow,
                    Message = "This viewer fell too far behind and was unsubscribed.",
                }));
                return false;
            default:
                return true;
        }
    }

    /// <summary>No more events: deliver what is queued, then finish.</summary>
    public void Complete() => _queue.Complete();

    /// <summary>Stops delivery at once, dropping what is queued (the connection left).</summary>
    public void Stop()
    {
        _queue.Complete();
        _stop.Cancel();
    }

    private async Task DeliverAsync()
    {
        try
        {
            while (await _queue.DequeueAsync(_stop.Token).ConfigureAwait(false) is { } item)
            {
                await _sink.SendAsync(item, _stop.Token).ConfigureAwait(false);
                Interlocked.Increment(ref _delivered);
            }

            await _sink.CompleteAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // A vanished connection must not take the session down; it just stops receiving.
            _logger.LogDebug(ex, "Delivery to {Connection} stopped", ConnectionId);
        }
    }
}

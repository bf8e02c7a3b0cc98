namespace Streaming.Server.Sessions;

/// <summary>
/// One viewer's bounded outbox. When it is full, the oldest waiting partial makes room (a later partial or
/// the final supersedes it anyway); finals and boundaries are never dropped, but if they alone pile up
/// past twice the capacity the viewer is declared too slow.
/// </summary>
public sealed class SubscriberQueue(int capacity)
{
    private readonly LinkedList<OutgoingEvent> _items = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Lock _lock = new();
    private bool _completed;

    /// <summary>Events waiting.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Offers an event; see <see cref="EnqueueOutcome"/>.</summary>
    public EnqueueOutcome Enqueue(OutgoingEvent item)
    {
        var outcome = EnqueueOutcome.Queued;
        lock (_lock)
        {
            if (_completed)
            {
                return EnqueueOutcome.Completed;
            }

            if (_items.Count >= capacity)
            {
                var oldestPartial = FirstDroppable();
                if (oldestPartial is not null)
                {
                    _items.Remove(oldestPartial);
                    outcome = EnqueueOutcome.DroppedPartial;
                }
                else if (item.IsDroppable)
                {
                    return EnqueueOutcome.DroppedPartial;
                }
                else if (_items.Count >= 2 * capacity)
                {
                    return EnqueueOutcome.Overflow;
                }
            }

            _items.AddLast(item);
        }

        if (outcome == EnqueueOutcome.Queued)
        {
            _available.Release();
        }

        return outcome;
    }

    /// <summary>No more events will be offered; readers get the rest, then null.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
        }

        _available.Release();
    }

    /// <summary>Drops everything waiting, queues <paramref name="last"/> as the only event left, and completes.</summary>
    public void Abandon(OutgoingEvent last)
    {
        lock (_lock)
        {
            _items.Clear();
            _items.AddLast(last);
            _completed = true;
        }

        _available.Release();
    }

    /// <summary>Next event, waiting for one; null once the queue is completed and empty.</summary>
    public async ValueTask<OutgoingEvent?> DequeueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_items.First is { } first)
                {
                    _items.RemoveFirst();
                    return first.Value;
                }

                if (_completed)
                {
                    return null;
                }
            }

            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private LinkedListNode<OutgoingEvent>? FirstDroppable()
    {
        for (var node = _items.First; node is not null; node = node.Next)
        {
            if (node.Value.IsDroppable)
            {
                return node;
            }
        }

        return null;
    }
}

using Streaming.Protocol;
using Streaming.Server.Sessions;

namespace Streaming.Server.Tests;

public sealed class SubscriberQueueTests
{
    private static OutgoingEvent Partial(string text) => new(HubNames.Partial, text);

    private static OutgoingEvent Final(string text) => new(HubNames.Final, text);

    [Fact]
    public async Task A_full_queue_drops_its_oldest_partial_to_make_room()
    {
        var queue = new SubscriberQueue(capacity: 3);
        queue.Enqueue(Partial("p1"));
        queue.Enqueue(Final("f1"));
        queue.Enqueue(Partial("p2"));

        var outcome = queue.Enqueue(Partial("p3"));

        Assert.Equal(EnqueueOutcome.DroppedPartial, outcome);
        Assert.Equal(["f1", "p2", "p3"], await DrainAsync(queue));
    }

    [Fact]
    public async Task Finals_are_never_dropped_when_the_queue_is_full_of_finals()
    {
        var queue = new SubscriberQueue(capacity: 2);
        queue.Enqueue(Final("f1"));
        queue.Enqueue(Final("f2"));

        var partial = queue.Enqueue(Partial("p1"));
        var final = queue.Enqueue(Final("f3"));

        Assert.Equal(EnqueueOutcome.DroppedPartial, partial);
        Assert.Equal(EnqueueOutcome.Queued, final);
        Assert.Equal(["f1", "f2", "f3"], await DrainAsync(queue));
    }

    [Fact]
    public void A_viewer_with_twice_the_capacity_of_undelivered_finals_overflows()
    {
        var queue = new SubscriberQueue(capacity: 2);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(EnqueueOutcome.Queued, queue.Enqueue(Final($"f{i}")));
        }

        Assert.Equal(EnqueueOutcome.Overflow, queue.Enqueue(Final("f4")));
    }

    [Fact]
    public async Task Abandon_leaves_only_the_last_event_and_completes()
    {
        var queue = new SubscriberQueue(capacity: 4);
        queue.Enqueue(Final("f1"));

        queue.Abandon(new OutgoingEvent(HubNames.Error, "too slow"));

        Assert.Equal(["too slow"], await DrainAsync(queue));
        Assert.Equal(EnqueueOutcome.Completed, queue.Enqueue(Final("late")));
    }

    [Fact]
    public async Task A_reader_waits_for_the_next_event()
    {
        var queue = new SubscriberQueue(capacity: 4);
        var pending = queue.DequeueAsync(CancellationToken.None).AsTask();
        Assert.False(pending.IsCompleted);

        queue.Enqueue(Final("f1"));

        Assert.Equal("f1", (await pending.WaitAsync(TimeSpan.FromSeconds(5)))?.Payload);
    }

    private static async Task<string[]> DrainAsync(SubscriberQueue queue)
    {
        queue.Complete();
        var items = new List<string>();
        while (await queue.DequeueAsync(CancellationToken.None) is { } item)
        {
            items.Add((string)item.Payload);
        }

        return [.. items];
    }
}

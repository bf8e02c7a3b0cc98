namespace Streaming.Pipeline.Tests;

/// <summary>Turns of the server-wide partial scheduler: budget, fairness, and finals before partials.</summary>
public sealed class PartialSchedulerTests
{
    [Fact]
    public void Free_slots_are_taken_at_once_up_to_the_budget()
    {
        var scheduler = new PartialScheduler(2);
        var a = scheduler.Join();
        var b = scheduler.Join();
        var c = scheduler.Join();

        Assert.True(a.TryStart());
        Assert.True(b.TryStart());
        Assert.False(c.TryStart());
        Assert.Equal(2, scheduler.Running);
        Assert.Equal(1, scheduler.Waiting);
    }

    [Fact]
    public void Freed_slot_goes_to_the_session_that_has_waited_longest()
    {
        var scheduler = new PartialScheduler(1);
        var running = scheduler.Join();
        var first = scheduler.Join();
        var second = scheduler.Join();
        var third = scheduler.Join();
        Assert.True(running.TryStart());
        Assert.False(first.TryStart());
        Assert.False(second.TryStart());
        Assert.False(third.TryStart());

        // Asking again keeps a session's place; it does not jump the queue or lose its turn.
        Assert.False(third.TryStart());
        running.Release();

        Assert.True(first.WhenGranted.IsCompleted);
        Assert.False(second.WhenGranted.IsCompleted);
        Assert.False(third.WhenGranted.IsCompleted);
        Assert.True(first.TryStart());

        first.Release();
        Assert.True(second.WhenGranted.IsCompleted);
        Assert.False(third.WhenGranted.IsCompleted);
    }

    [Fact]
    public void Session_that_leaves_the_queue_passes_its_turn_on()
    {
        var scheduler = new PartialScheduler(1);
        var running = scheduler.Join();
        var leaving = scheduler.Join();
        var next = scheduler.Join();
        Assert.True(running.TryStart());
        Assert.False(leaving.TryStart());
        Assert.False(next.TryStart());

        leaving.Release();
        running.Release();

        Assert.False(leaving.WhenGranted.IsCompleted);
        Assert.True(next.TryStart());
        Assert.Equal(0, scheduler.Waiting);
    }

    [Fact]
    public void Granted_turn_given_back_unused_frees_the_slot()
    {
        var scheduler = new PartialScheduler(1);
        var running = scheduler.Join();
        var granted = scheduler.Join();
        Assert.True(running.TryStart());
        Assert.False(granted.TryStart());
        running.Release();
        Assert.True(granted.WhenGranted.IsCompleted);

        // Its segment ended before it decoded: the slot is free again.
        granted.Dispose();

        Assert.Equal(0, scheduler.Running);
        Assert.True(scheduler.Join().TryStart());
    }

    [Fact]
    public void Final_takes_a_slot_at_once_when_partials_fill_the_budget()
    {
        var scheduler = new PartialScheduler(1);
        var partial = scheduler.Join();
        Assert.True(partial.TryStart());

        using (scheduler.RunFinal())
        {
            Assert.Equal(2, scheduler.Running);
        }

        Assert.Equal(1, scheduler.Running);
    }

    [Fact]
    public void Partials_wait_while_finals_hold_the_slots()
    {
        var scheduler = new PartialScheduler(1);
        var waiting = scheduler.Join();
        var final = scheduler.RunFinal();

        Assert.False(waiting.TryStart());
        final.Dispose();
        final.Dispose();

        Assert.True(waiting.WhenGranted.IsCompleted);
        Assert.True(waiting.TryStart());
        Assert.Equal(1, scheduler.Running);
    }

    [Fact]
    public void Sessions_competing_for_slots_get_even_turns()
    {
        // Six sessions, two slots; a session asks again as soon as its decode is done.
        var scheduler = new PartialScheduler(2);
        var turns = Enumerable.Range(0, 6).Select(_ => scheduler.Join()).ToArray();
        var decodes = new int[turns.Length];
        foreach (var turn in turns)
        {
            turn.TryStart();
        }

        for (int round = 0; round < 60; round++)
        {
            var holding = turns.Where(t => t.TryStart()).ToList();
            Assert.Equal(2, holding.Count);
            foreach (var turn in holding)
            {
                decodes[Array.IndexOf(turns, turn)]++;
                turn.Release();
            }

            // Back of the queue: the others waited longer.
            Assert.All(holding, turn => Assert.False(turn.TryStart()));
        }

        Assert.True(decodes.Max() - decodes.Min() <= 1, $"decodes per session: {string.Join(", ", decodes)}");
        Assert.True(decodes.Min() > 10);
    }

    [Fact]
    public void Budget_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialScheduler(0));
    }

    [Fact]
    public void Configured_slots_default_to_all_cores_but_one_and_are_validated_at_start_up()
    {
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), new PipelineOptions().EffectivePartialSlots);
        Assert.Equal(3, new PipelineOptions { PartialSlots = 3 }.EffectivePartialSlots);
        var error = Assert.Throws<ArgumentException>(() => new PipelineOptions { PartialSlots = -1 }.Validate());
        Assert.Contains("PartialSlots", error.Message);
    }
}

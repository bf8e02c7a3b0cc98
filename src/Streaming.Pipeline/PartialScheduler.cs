namespace Streaming.Pipeline;

/// <summary>
/// Shares the CPU among the sessions' on-demand partial decodes (Moonshine re-decodes its segment for every partial),
/// server-wide. At most <see cref="Slots"/> decodes run at once; a session whose partial is due queues for a slot, and
/// slots go in queue order, so the session that has waited longest goes first and, when the CPU is short, every
/// session's partials slow down evenly instead of some falling far behind. A final never queues: it takes a slot at
/// once, even past the budget, and partials wait while finals hold slots. Thread-safe.
/// </summary>
public sealed class PartialScheduler
{
    private readonly Lock _gate = new();
    private readonly LinkedList<PartialTurn> _queue = new();
    private int _running;

    /// <summary>Creates a scheduler running at most <paramref name="slots"/> partial decodes at once.</summary>
    public PartialScheduler(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        Slots = slots;
    }

    /// <summary>Decodes (partials and finals) that may run at once before partials wait.</summary>
    public int Slots { get; }

    /// <summary>Partials and finals holding a slot now (finals can take it past <see cref="Slots"/>).</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Sessions queued for a partial slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>A session's place in the partial queue; one per session, used by one thread at a time.</summary>
    public PartialTurn Join() => new(this);

    /// <summary>Takes a slot for a final at once, past the budget if need be; dispose the result when it is decoded.</summary>
    public IDisposable RunFinal()
    {
        lock (_gate)
        {
            _running++;
        }

        return new FinalSlot(this);
    }

    // Queues the turn unless it is already queued or granted; true when it holds a slot now.
    internal bool Request(PartialTurn turn)
    {
        lock (_gate)
        {
            if (turn.State == PartialTurn.Idle)
            {
                turn.Node = _queue.AddLast(turn);
                turn.State = PartialTurn.Queued;
            }

            GrantFree();
            return turn.State == PartialTurn.Granted;
        }
    }

    internal void Release(PartialTurn turn)
    {
        lock (_gate)
        {
            switch (turn.State)
            {
                case PartialTurn.Queued:
                    _queue.Remove(turn.Node!);
                    turn.Node = null;
                    break;
                case PartialTurn.Granted:
                    _running--;
                    break;
            }

            turn.State = PartialTurn.Idle;
            GrantFree();
        }
    }

    private void ReleaseFinal()
    {
        lock (_gate)
        {
            _running--;
            GrantFree();
        }
    }

    // Under the gate: hands free slots to the longest-waiting sessions.
    private void GrantFree()
    {
        while (_running < Slots && _queue.First is { } first)
        {
            _queue.RemoveFirst();
            var turn = first.Value;
            turn.Node = null;
            turn.State = PartialTurn.Granted;
            _running++;
            turn.Signal();
        }
    }

    private sealed class FinalSlot(PartialScheduler scheduler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                scheduler.ReleaseFinal();
            }
        }
    }
}

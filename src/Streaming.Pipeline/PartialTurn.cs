namespace Streaming.Pipeline;

/// <summary>
/// One session's place in a <see cref="PartialScheduler"/>'s queue: <see cref="TryStart"/> asks for a slot (queuing
/// if none is free), <see cref="Granted"/> completes when the slot is this session's, <see cref="Release"/> gives it
/// back after the decode or leaves the queue (a segment ended before its partial's turn).
/// </summary>
public sealed class PartialTurn : IDisposable
{
    internal const int Idle = 0;
    internal const int Queued = 1;
    internal const int Granted = 2;

    private readonly PartialScheduler _scheduler;
    private TaskCompletionSource _granted = NewSignal();

    internal PartialTurn(PartialScheduler scheduler) => _scheduler = scheduler;

    /// <summary>Completes when a slot is granted to this session (after <see cref="TryStart"/> queued it).</summary>
    public Task WhenGranted => _granted.Task;

    // Written under the scheduler's gate; Idle is left only by this session's own calls.
    internal int State { get; set; }

    internal LinkedListNode<PartialTurn>? Node { get; set; }

    /// <summary>
    /// Asks for a slot: true when this session holds one now (it must <see cref="Release"/> it after decoding);
    /// otherwise it stays queued, keeping its place, and <see cref="WhenGranted"/> completes when its turn comes.
    /// </summary>
    public bool TryStart()
    {
        if (State == Idle && _granted.Task.IsCompleted)
        {
            _granted = NewSignal();
        }

        return _scheduler.Request(this);
    }

    /// <summary>Gives back the slot, or leaves the queue; a no-op when neither is held.</summary>
    public void Release() => _scheduler.Release(this);

    /// <inheritdoc />
    public void Dispose() => Release();

    internal void Signal() => _granted.TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

namespace Streaming.Inference;

/// <summary>
/// Admits calls into a native model while it is open and makes closing wait for the calls in flight, so a model
/// released at shutdown never frees what a session's call is still using: ONNX Runtime dereferences a released
/// session and takes the whole process down, where a refused call is an ordinary error of one session.
/// </summary>
internal sealed class RunGate
{
    // A plain monitor, not System.Threading.Lock: closing waits on it with Monitor.Wait.
    private readonly object _lock = new();
    private int _active;
    private bool _closed;

    /// <summary>Number of calls in flight.</summary>
    public int Active
    {
        get
        {
            lock (_lock)
            {
                return _active;
            }
        }
    }

    /// <summary>Admits one call; dispose the lease when it returns.</summary>
    /// <exception cref="ObjectDisposedException">The gate is closed: <paramref name="owner"/> was disposed.</exception>
    public Lease Enter(object owner)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_closed, owner);
            _active++;
        }

        return new Lease(this);
    }

    /// <summary>
    /// Refuses new calls, then waits up to <paramref name="wait"/> for those in flight. Returns whether none is
    /// left, i.e. whether the native resources may be released now.
    /// </summary>
    public bool Close(TimeSpan wait)
    {
        long deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        lock (_lock)
        {
            _closed = true;
            while (_active > 0)
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    return false;
                }

                Monitor.Wait(_lock, TimeSpan.FromMilliseconds(left));
            }

            return true;
        }
    }

    private void Exit()
    {
        lock (_lock)
        {
            if (--_active == 0 && _closed)
            {
                Monitor.PulseAll(_lock);
            }
        }
    }

    /// <summary>One admitted call.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly RunGate? _gate;

        internal Lease(RunGate gate) => _gate = gate;

        /// <summary>Ends the call.</summary>
        public void Dispose() => _gate?.Exit();
    }
}

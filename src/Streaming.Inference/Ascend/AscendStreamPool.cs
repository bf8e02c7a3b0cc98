namespace Streaming.Inference.Ascend;

/// <summary>
/// Hands out the native pool's slots (an AscendCL context with its stream and cached device buffers) one
/// caller at a time. Waiting is asynchronous and cancellable; the native side refuses double use, so a
/// lease here is exactly one slot held exclusively until disposed.
/// </summary>
internal sealed class AscendStreamPool
{
    private readonly IntPtr _pool;
    private readonly SemaphoreSlim _free;

    public AscendStreamPool(IntPtr pool, int size)
    {
        _pool = pool;
        _free = new SemaphoreSlim(size, size);
        Size = size;
    }

    public int Size { get; }

    /// <summary>Waits for a free slot and leases it; the lease must be disposed to give it back.</summary>
    public Lease Acquire(CancellationToken cancellationToken)
    {
        _free.Wait(cancellationToken);
        int slot = AscendNative.Lease(_pool);
        if (slot < 0)
        {
            _free.Release();
            throw new InvalidOperationException("The Ascend pool had no free slot although its semaphore granted one.");
        }

        return new Lease(this, slot);
    }

    private void Return(int slot)
    {
        int code = AscendNative.Release(_pool, slot);
        _free.Release();
        if (code != AscendNative.Ok)
        {
            throw new InvalidOperationException($"Ascend slot {slot} was returned twice (shim code {code}).");
        }
    }

    /// <summary>One leased slot.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly AscendStreamPool _owner;
        private int _returned;

        internal Lease(AscendStreamPool owner, int slot)
        {
            _owner = owner;
            Slot = slot;
        }

        public int Slot { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                _owner.Return(Slot);
            }
        }
    }
}

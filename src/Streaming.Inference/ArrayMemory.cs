using System.Buffers;
using System.Runtime.InteropServices;

namespace Streaming.Inference;

/// <summary>The bytes of a typed array as <see cref="Memory{T}"/>, so a tensor can live in a <c>float[]</c> or <c>long[]</c> without copies.</summary>
internal sealed class ArrayMemory<T>(T[] array) : MemoryManager<byte>
    where T : unmanaged
{
    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(array.AsSpan());

    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        return new MemoryHandle((byte*)handle.AddrOfPinnedObject() + elementIndex, handle, this);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}

using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Streaming.Inference.OnnxRuntime;

/// <summary>
/// Exposes the buffer of an ONNX Runtime output as <see cref="Memory{T}"/> without copying it, and frees the
/// value on dispose. The buffer is native, so pinning costs nothing.
/// </summary>
internal sealed unsafe class OrtValueMemory : MemoryManager<byte>
{
    private readonly OrtValue _value;
    private readonly byte* _pointer;
    private readonly int _length;

    public OrtValueMemory(OrtValue value)
    {
        _value = value;
        var span = value.GetTensorMutableRawData();
        _pointer = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
        _length = span.Length;
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing) => _value.Dispose();
}

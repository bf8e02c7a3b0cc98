using Microsoft.Win32.SafeHandles;

namespace Streaming.Audio;

/// <summary>Owns a native OpusDecoder* and destroys it exactly once.</summary>
internal sealed class OpusDecoderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller.</summary>
    public OpusDecoderHandle()
        : base(ownsHandle: true)
    {
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        OpusNative.DecoderDestroy(handle);
        return true;
    }
}

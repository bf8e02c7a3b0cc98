using System.Reflection;
using System.Runtime.InteropServices;

namespace Streaming.Sip.Rtp;

/// <summary>
/// Bindings to the ITU-T G.722 codec of libspandsp (Debian package libspandsp2). Debian ships only the
/// versioned name, so the resolver tries that first.
/// </summary>
internal static partial class SpanDspNative
{
    private const string LibraryName = "spandsp";

    private static readonly string[] Candidates = ["libspandsp.so.2", "libspandsp.so", "spandsp"];

    static SpanDspNative() => NativeLibrary.SetDllImportResolver(typeof(SpanDspNative).Assembly, Resolve);

    [LibraryImport(LibraryName, EntryPoint = "g722_decode_init")]
    internal static partial IntPtr DecodeInit(IntPtr state, int rate, int options);

    [LibraryImport(LibraryName, EntryPoint = "g722_decode")]
    internal static unsafe partial int Decode(IntPtr state, short* amp, byte* data, int length);

    [LibraryImport(LibraryName, EntryPoint = "g722_decode_free")]
    internal static partial int DecodeFree(IntPtr state);

    [LibraryImport(LibraryName, EntryPoint = "g722_encode_init")]
    internal static partial IntPtr EncodeInit(IntPtr state, int rate, int options);

    [LibraryImport(LibraryName, EntryPoint = "g722_encode")]
    internal static unsafe partial int Encode(IntPtr state, byte* data, short* amp, int length);

    [LibraryImport(LibraryName, EntryPoint = "g722_encode_free")]
    internal static partial int EncodeFree(IntPtr state);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != LibraryName)
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException("libspandsp is not installed (G.722); run scripts/setup-runtime.sh or apt-get install libspandsp2.");
    }
}

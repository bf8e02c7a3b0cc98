using System.Reflection;
using System.Runtime.InteropServices;

namespace Streaming.Audio;

/// <summary>
/// Source-generated bindings to libopus. The library is located by <see cref="EnsureLoaded"/> under the
/// names distributions actually ship (Debian has only libopus.so.0 unless the -dev package is installed).
/// </summary>
internal static partial class OpusNative
{
    /// <summary>OPUS_APPLICATION_VOIP: tuned for speech intelligibility.</summary>
    internal const int ApplicationVoip = 2048;

    private const string LibraryName = "opus";

    private static readonly string[] Candidates = ["libopus.so.0", "opus", "libopus.0.dylib", "opus-0"];

    private static readonly Lazy<IntPtr> Library = new(() => Load(Candidates));

    static OpusNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(OpusNative).Assembly, Resolve);
    }

    /// <summary>Loads libopus once, or throws <see cref="OpusUnavailableException"/>.</summary>
    internal static void EnsureLoaded() => _ = Library.Value;

    /// <summary>Returns the first of <paramref name="candidates"/> that loads.</summary>
    internal static IntPtr Load(IReadOnlyList<string> candidates)
    {
        foreach (string name in candidates)
        {
            if (NativeLibrary.TryLoad(name, typeof(OpusNative).Assembly, null, out IntPtr handle))
            {
                return handle;
            }
        }

        throw new OpusUnavailableException(
            $"libopus not found: install the Debian package libopus0 (apt-get install libopus0) or your system's opus library (tried {string.Join(", ", candidates)}).");
    }

    /// <summary>The libopus description of an error code, e.g. "corrupted stream".</summary>
    internal static string ErrorString(int error) => Marshal.PtrToStringUTF8(StrError(error)) ?? "unknown error";

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_create")]
    internal static partial OpusDecoderHandle DecoderCreate(int sampleRate, int channels, out int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_decode_float")]
    internal static unsafe partial int DecodeFloat(
        OpusDecoderHandle decoder, byte* data, int length, float* pcm, int frameSize, int decodeFec);

    [LibraryImport(LibraryName, EntryPoint = "opus_decoder_destroy")]
    internal static partial void DecoderDestroy(IntPtr decoder);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_create")]
    internal static partial OpusEncoderHandle EncoderCreate(int sampleRate, int channels, int application, out int error);

    [LibraryImport(LibraryName, EntryPoint = "opus_encode_float")]
    internal static unsafe partial int EncodeFloat(
        OpusEncoderHandle encoder, float* pcm, int frameSize, byte* data, int maxDataBytes);

    [LibraryImport(LibraryName, EntryPoint = "opus_encoder_destroy")]
    internal static partial void EncoderDestroy(IntPtr encoder);

    [LibraryImport(LibraryName, EntryPoint = "opus_strerror")]
    private static partial IntPtr StrError(int error);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LibraryName ? Library.Value : IntPtr.Zero;
}

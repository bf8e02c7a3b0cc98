using System.Runtime.InteropServices;

namespace Streaming.Inference.Ascend;

/// <summary>The flat C ABI of <c>libstreaming_ascend.so</c> (native/ascend/include/streaming_ascend.h).</summary>
internal static unsafe partial class AscendNative
{
    public const string Library = "streaming_ascend";
    public const int MaxDims = 8;
    public const int ErrorCapacity = 512;

    public const int Ok = 0;
    public const int OutputTooSmall = -2;

    // AscendCL data types (aclDataType).
    public const int AclFloat = 0;
    public const int AclInt32 = 3;
    public const int AclInt64 = 9;
    public const int AclBool = 12;

    [StructLayout(LayoutKind.Sequential)]
    public struct Tensor
    {
        public void* Data;
        public ulong Bytes;
        public int DataType;
        public int DimsCount;
        public fixed long Dims[MaxDims];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PoolStats
    {
        public ulong Leases;
        public uint Leased;
        public uint Slots;
        public uint PeakLeased;
        public uint Reserved;
        public ulong BusyNanoseconds;
        public ulong Runs;
        public ulong FailedRuns;
        public ulong CachedBytes;
    }

    [LibraryImport(Library, EntryPoint = "sa_probe")]
    public static partial int Probe(out uint deviceCount, out int isSimulator, byte* error, nuint errorSize);

    [LibraryImport(Library, EntryPoint = "sa_pool_create")]
    public static partial int PoolCreate(int deviceId, int slots, out IntPtr pool, byte* error, nuint errorSize);

    [LibraryImport(Library, EntryPoint = "sa_pool_destroy")]
    public static partial void PoolDestroy(IntPtr pool);

    [LibraryImport(Library, EntryPoint = "sa_model_load", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ModelLoad(IntPtr pool, string path, out IntPtr model, byte* error, nuint errorSize);

    [LibraryImport(Library, EntryPoint = "sa_model_unload")]
    public static partial void ModelUnload(IntPtr model);

    [LibraryImport(Library, EntryPoint = "sa_model_input_count")]
    public static partial int ModelInputCount(IntPtr model);

    [LibraryImport(Library, EntryPoint = "sa_model_output_count")]
    public static partial int ModelOutputCount(IntPtr model);

    [LibraryImport(Library, EntryPoint = "sa_model_input_name")]
    public static partial IntPtr ModelInputName(IntPtr model, int index);

    [LibraryImport(Library, EntryPoint = "sa_model_output_name")]
    public static partial IntPtr ModelOutputName(IntPtr model, int index);

    [LibraryImport(Library, EntryPoint = "sa_model_input_type")]
    public static partial int ModelInputType(IntPtr model, int index);

    [LibraryImport(Library, EntryPoint = "sa_model_output_type")]
    public static partial int ModelOutputType(IntPtr model, int index);

    [LibraryImport(Library, EntryPoint = "sa_model_input_dims")]
    public static partial int ModelInputDims(IntPtr model, int index, long* dims, int capacity);

    [LibraryImport(Library, EntryPoint = "sa_model_output_dims")]
    public static partial int ModelOutputDims(IntPtr model, int index, long* dims, int capacity);

    [LibraryImport(Library, EntryPoint = "sa_lease")]
    public static partial int Lease(IntPtr pool);

    [LibraryImport(Library, EntryPoint = "sa_release")]
    public static partial int Release(IntPtr pool, int slot);

    [LibraryImport(Library, EntryPoint = "sa_run")]
    public static partial int Run(IntPtr pool, int slot, IntPtr model, Tensor* inputs, int inputCount, Tensor* outputs, int outputCount, byte* error, nuint errorSize);

    [LibraryImport(Library, EntryPoint = "sa_memory")]
    public static partial int Memory(IntPtr pool, out ulong freeBytes, out ulong totalBytes, byte* error, nuint errorSize);

    [LibraryImport(Library, EntryPoint = "sa_release_cache")]
    public static partial int ReleaseCache(IntPtr pool, out ulong releasedBytes, byte* error, nuint errorSize);

    [LibraryImport(Library, EntryPoint = "sa_stats")]
    public static partial void Stats(IntPtr pool, out PoolStats stats);

    /// <summary>The NUL-terminated message the shim wrote.</summary>
    public static string Message(ReadOnlySpan<byte> buffer)
    {
        int end = buffer.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(end < 0 ? buffer : buffer[..end]);
    }

    public static int ToAcl(TensorElementKind kind) => kind switch
    {
        TensorElementKind.Float32 => AclFloat,
        TensorElementKind.Int64 => AclInt64,
        TensorElementKind.Int32 => AclInt32,
        _ => AclBool,
    };

    public static TensorElementKind? FromAcl(int type) => type switch
    {
        AclFloat => TensorElementKind.Float32,
        AclInt64 => TensorElementKind.Int64,
        AclInt32 => TensorElementKind.Int32,
        AclBool => TensorElementKind.Bool,
        _ => null,
    };
}

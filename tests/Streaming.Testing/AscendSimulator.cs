using System.Runtime.InteropServices;

namespace Streaming.Testing;

/// <summary>Test-only controls exported by the AscendCL simulator (never by CANN): fault injection and counters.</summary>
public static partial class AscendSimulator
{
    [StructLayout(LayoutKind.Sequential)]
    public struct Counters
    {
        public ulong Executions;
        public ulong StreamSharing;
        public ulong LiveAllocations;
        public ulong LiveBytes;
    }

    [LibraryImport("ascendcl", EntryPoint = "aclsimInjectExecuteFailures")]
    public static partial void InjectExecuteFailures(uint count);

    [LibraryImport("ascendcl", EntryPoint = "aclsimSetExecuteDelay")]
    public static partial void SetExecuteDelay(uint microseconds);

    [LibraryImport("ascendcl", EntryPoint = "aclsimGetCounters")]
    public static partial void GetCounters(out Counters counters);

    // The AscendCL calls themselves, for checking the simulator's misuse errors directly.
    [LibraryImport("ascendcl")]
    public static partial int aclrtCreateContext(out IntPtr context, int deviceId);

    [LibraryImport("ascendcl")]
    public static partial int aclrtDestroyContext(IntPtr context);

    [LibraryImport("ascendcl")]
    public static partial int aclrtSetCurrentContext(IntPtr context);

    [LibraryImport("ascendcl")]
    public static partial int aclrtCreateStream(out IntPtr stream);

    [LibraryImport("ascendcl")]
    public static partial int aclrtDestroyStream(IntPtr stream);

    [LibraryImport("ascendcl")]
    public static partial int aclrtSynchronizeStream(IntPtr stream);

    [LibraryImport("ascendcl")]
    public static partial int aclrtMalloc(out IntPtr pointer, nuint size, int policy);

    [LibraryImport("ascendcl")]
    public static partial int aclrtFree(IntPtr pointer);

    [LibraryImport("ascendcl")]
    public static partial int aclrtMemcpy(IntPtr destination, nuint destinationMax, IntPtr source, nuint count, int kind);
}

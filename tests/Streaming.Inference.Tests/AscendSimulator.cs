using System.Runtime.InteropServices;

namespace Streaming.Inference.Tests;

/// <summary>Test-only controls exported by the AscendCL simulator (never by CANN): fault injection and counters.</summary>
internal static partial class AscendSimulator
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

    [LibraryImport("ascendcl", EntryPoint = "aclsimGetCounters")]
    public static partial void GetCounters(out Counters counters);
}

/// <summary>Tests that use the process-wide simulator (fault injection, counters) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AscendSimulatorCollection
{
    public const string Name = "AscendCL simulator";
}

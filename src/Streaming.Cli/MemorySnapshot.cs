using System.Diagnostics;

namespace Streaming.Cli;

/// <summary>Managed heap (after a full collection) and resident set size of this process at one moment.</summary>
internal readonly record struct MemorySnapshot(long ManagedBytes, long ResidentBytes)
{
    public static MemorySnapshot Take()
    {
        // Collect twice so objects freed by finalizers (native handles) are gone before measuring.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(managed, process.WorkingSet64);
    }

    public override string ToString() => $"managed heap {ManagedBytes / 1048576.0:F1} MiB, RSS {ResidentBytes / 1048576.0:F1} MiB";
}

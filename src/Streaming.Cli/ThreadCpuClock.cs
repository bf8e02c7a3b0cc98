using System.Runtime.InteropServices;

namespace Streaming.Cli;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), for benches that split one
/// thread's work into parts: unlike the process's CPU time it leaves out the GC and JIT threads, and unlike wall
/// time it does not count the time other processes on a shared machine take.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    /// <summary>The calling thread's CPU time so far, in seconds.</summary>
    public static double Now()
    {
        if (ClockGetTime(ThreadCpuTimeId, out var time) != 0)
        {
            throw new CliException("This bench needs the thread CPU clock (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), which this system refused.");
        }

        return time.Seconds + time.Nanoseconds / 1e9;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

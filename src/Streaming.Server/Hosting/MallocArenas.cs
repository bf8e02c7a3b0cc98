using System.Runtime.InteropServices;

namespace Streaming.Server.Hosting;

/// <summary>Limits glibc's malloc arenas for the whole process (<see cref="ServerOptions.MallocArenas"/>).</summary>
public static partial class MallocArenas
{
    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>
    /// Applies <paramref name="arenas"/> (<see cref="ServerOptions.EffectiveMallocArenas"/>) before models load, so the
    /// arenas native code uses are the few it allows; true when glibc took it (false on other systems or C libraries,
    /// where nothing changes).
    /// </summary>
    public static bool Limit(int arenas)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(arenas);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallOpt(ArenaMax, arenas) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // musl and others have no mallopt
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);
}

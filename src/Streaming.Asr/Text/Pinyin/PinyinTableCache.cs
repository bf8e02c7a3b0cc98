using System.Runtime.InteropServices;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Loads <c>libstreaming_pinyin_cache.so</c> (native/pinyin-cache), which gives each read-only Berkeley DB table
/// libpinyin opens (<c>bigram.db</c>, the pinyin and phrase indexes) a page cache as large as the file instead of
/// Berkeley DB's 256 KiB default: through the default cache every guess re-reads pages with <c>pread</c>, about two
/// thirds of a conversion's CPU time. The library replaces libpinyin's <c>db_create</c>, so it must be loaded
/// (globally) before libpinyin is: <see cref="LibPinyinNative"/>'s static constructor calls <see cref="Load"/>.
/// Without the library conversion works as before, only slower, and <see cref="Installed"/> says so.
/// </summary>
public static partial class PinyinTableCache
{
    internal const string Library = "libstreaming_pinyin_cache.so";

    // The Berkeley DB Debian's libpinyin15 links, which native/pinyin-cache forwards to by this name.
    private const string BerkeleyDb = "libdb-5.3.so";

    private const int RtldNow = 0x2;
    private const int RtldGlobal = 0x100;
    private static readonly Lazy<bool> s_installed = new(LoadGlobally);
    private static long s_contexts;

    /// <summary>True when the library is loaded, so later libpinyin contexts get the larger caches.</summary>
    public static bool Installed => s_installed.Value;

    /// <summary>
    /// Read-only tables opened with a larger cache since the process started: above zero once a converter exists,
    /// unless libpinyin was loaded before this library (then its <c>db_create</c> is bound to libdb's own).
    /// </summary>
    public static long CachedTables => Installed ? (long)Opens() : 0;

    /// <summary>libpinyin contexts started in this process (each converter starts one); 0 when no model converts pinyin.</summary>
    public static long ContextsStarted => Interlocked.Read(ref s_contexts);

    /// <summary>Loads the library once; true when it is there.</summary>
    internal static bool Load() => Installed;

    /// <summary>
    /// Called as a libpinyin context starts (counted in <see cref="ContextsStarted"/>): the largest cache one table
    /// gets from it on; 0 leaves Berkeley DB's default.
    /// </summary>
    internal static void ContextStarting(int mebibytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mebibytes);
        Interlocked.Increment(ref s_contexts);
        if (Installed)
        {
            SetCap((ulong)mebibytes << 20);
        }
    }

    // Next to this assembly, where the build puts it; RTLD_GLOBAL so that libpinyin's db_create binds to it. Only
    // when the libdb it forwards to is there: without it the library's db_create fails, and libpinyin aborts on that.
    private static bool LoadGlobally()
    {
        var folder = Path.GetDirectoryName(typeof(PinyinTableCache).Assembly.Location);
        var path = folder is null ? Library : Path.Combine(folder, Library);
        return OperatingSystem.IsLinux() && File.Exists(path) && NativeLibrary.TryLoad(BerkeleyDb, out _)
            && DlOpen(path, RtldNow | RtldGlobal) != 0;
    }

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string file, int mode);

    [LibraryImport(Library, EntryPoint = "streaming_pinyin_cache_set_cap")]
    private static partial void SetCap(ulong bytes);

    [LibraryImport(Library, EntryPoint = "streaming_pinyin_cache_opens")]
    private static partial nuint Opens();
}

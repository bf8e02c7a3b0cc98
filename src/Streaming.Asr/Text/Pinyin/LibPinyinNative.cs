using System.Runtime.InteropServices;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// The part of libpinyin's C API (Debian <c>libpinyin15</c>, <c>pinyin.h</c> of libpinyin 2.x) that converts
/// full pinyin to a sentence. Contexts and instances are opaque pointers; sentences are freed with glib's
/// <c>g_free</c>.
/// </summary>
internal static partial class LibPinyinNative
{
    public const string Library = "libpinyin.so.15";
    public const string Glib = "libglib-2.0.so.0";

    /// <summary><c>NORMAL_CANDIDATE</c>: a dictionary phrase starting at the lookup offset.</summary>
    public const int NormalCandidate = 2;

    /// <summary><c>SORT_BY_PHRASE_LENGTH | SORT_BY_FREQUENCY</c>.</summary>
    public const uint SortByPhraseLengthAndFrequency = 0x4 | 0x10;

    // Before libpinyin itself is loaded (by the first call below), so that its tables get their caches.
    static LibPinyinNative() => PinyinTableCache.Load();

    [LibraryImport(Library, EntryPoint = "pinyin_init", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Init(string systemDirectory, string userDirectory);

    [LibraryImport(Library, EntryPoint = "pinyin_set_options")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool SetOptions(nint context, uint options);

    [LibraryImport(Library, EntryPoint = "pinyin_fini")]
    public static partial void Fini(nint context);

    [LibraryImport(Library, EntryPoint = "pinyin_alloc_instance")]
    public static partial nint AllocInstance(nint context);

    [LibraryImport(Library, EntryPoint = "pinyin_free_instance")]
    public static partial void FreeInstance(nint instance);

    [LibraryImport(Library, EntryPoint = "pinyin_reset")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool Reset(nint instance);

    [LibraryImport(Library, EntryPoint = "pinyin_parse_more_full_pinyins", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nuint ParseMoreFullPinyins(nint instance, string pinyins);

    [LibraryImport(Library, EntryPoint = "pinyin_guess_sentence")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GuessSentence(nint instance);

    [LibraryImport(Library, EntryPoint = "pinyin_get_sentence")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GetSentence(nint instance, byte index, out nint sentence);

    [LibraryImport(Library, EntryPoint = "pinyin_guess_candidates")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GuessCandidates(nint instance, nuint offset, uint sortOption);

    [LibraryImport(Library, EntryPoint = "pinyin_get_n_candidate")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GetCandidateCount(nint instance, out uint count);

    [LibraryImport(Library, EntryPoint = "pinyin_get_candidate")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GetCandidate(nint instance, uint index, out nint candidate);

    [LibraryImport(Library, EntryPoint = "pinyin_get_candidate_type")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GetCandidateType(nint instance, nint candidate, out int type);

    /// <summary>The string is owned by the instance: not freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "pinyin_get_candidate_string")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool GetCandidateString(nint instance, nint candidate, out nint utf8);

    [LibraryImport(Library, EntryPoint = "pinyin_choose_candidate")]
    public static partial int ChooseCandidate(nint instance, nuint offset, nint candidate);

    [LibraryImport(Library, EntryPoint = "pinyin_clear_constraint")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool ClearConstraint(nint instance, nuint offset);

    [LibraryImport(Glib, EntryPoint = "g_free")]
    public static partial void GFree(nint memory);
}

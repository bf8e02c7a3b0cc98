namespace Streaming.Asr.Text.Pinyin;

/// <summary>How recognised syllables are handed to libpinyin.</summary>
public sealed record PinyinConverterOptions
{
    /// <summary>Where Debian's <c>libpinyin-data</c> puts the system dictionaries.</summary>
    public static readonly string[] DefaultDataDirectories =
        ["/usr/lib/x86_64-linux-gnu/libpinyin/data", "/usr/lib/aarch64-linux-gnu/libpinyin/data", "/usr/lib/libpinyin/data", "/usr/lib64/libpinyin/data"];

    /// <summary>libpinyin's dictionary folder; null finds Debian's.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>libpinyin options (tone use, fuzzy pairs, incomplete pinyin).</summary>
    public LibPinyinOptions Flags { get; init; } = LibPinyinOptions.UseTone;

    /// <summary>Which syllables carry their tone digit into libpinyin.</summary>
    public PinyinToneMode Tones { get; init; } = PinyinToneMode.All;

    /// <summary>
    /// Let the recognised tones choose among libpinyin's phrases (<see cref="ToneGuidedChoice"/>); needs ICU, and is
    /// skipped without it. libpinyin's own tone option has no effect: its dictionaries carry no tones.
    /// </summary>
    public bool ToneGuided { get; init; } = true;

    /// <summary>With <see cref="ToneGuided"/>: how many tone-agreeing phrases are tried for one disagreeing syllable.</summary>
    public int ToneGuidedTries { get; init; } = 2;

    /// <summary>With <see cref="ToneGuided"/>: the shortest phrase that may replace libpinyin's choice (single characters are too easily rare ones).</summary>
    public int ToneGuidedMinLength { get; init; } = 2;

    /// <summary>
    /// Most converters a <see cref="PinyinConverterPool"/> creates, and so most conversions running at once (default:
    /// the processor count). Conversion is CPU work; more converters only cost memory and colder caches.
    /// </summary>
    public int MaxConverters { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Largest page cache, in MiB, each of libpinyin's read-only tables gets (<see cref="PinyinTableCache"/>): a table
    /// smaller than this is cached whole once read. 0 keeps Berkeley DB's 256 KiB default. Each converter has its own
    /// caches: about 50 MiB of address space for Debian's tables, resident as pages are read.
    /// </summary>
    public int TableCacheMiB { get; init; } = 64;

    /// <summary>The dictionary folder to use: <see cref="DataDirectory"/> or the first Debian location that exists.</summary>
    public string ResolveDataDirectory()
    {
        var folder = DataDirectory ?? DefaultDataDirectories.FirstOrDefault(Directory.Exists);
        // libpinyin asserts (aborting the process) on a folder without its table.conf, so that is checked here.
        return folder is not null && File.Exists(Path.Combine(folder, "table.conf"))
            ? folder
            : throw new LibPinyinUnavailableException(
                $"libpinyin's dictionaries were not found in {(folder is null ? string.Join(", ", DefaultDataDirectories) : $"'{folder}' (no table.conf)")}: install the Debian package libpinyin-data (scripts/setup-runtime.sh).");
    }
}

/// <summary>Which syllables keep their tone when handed to libpinyin.</summary>
public enum PinyinToneMode
{
    /// <summary>Every syllable with its tone digit, the neutral tone as 5.</summary>
    All,

    /// <summary>Tones 1–4 kept; neutral-tone syllables go without a digit, matching any tone.</summary>
    ExceptNeutral,

    /// <summary>No tone digits.</summary>
    None,
}

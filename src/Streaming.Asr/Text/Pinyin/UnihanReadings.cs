using ICSharpCode.SharpZipLib.BZip2;

namespace Streaming.Asr.Text.Pinyin;

/// <summary>
/// Every toned pinyin reading of each Chinese character, from the Unicode Han database (<c>Unihan_Readings.txt</c>,
/// which Debian's <c>unicode-data</c> installs bzip2-compressed). A character's readings are its customary one
/// (<c>kMandarin</c>) first, then the other modern readings of the 现代汉语词典 and 通用规范汉字字典
/// (<c>kXHC1983</c>, <c>kTGHZ2013</c>); only a character neither lists falls back to the 汉语大字典's
/// (<c>kHanyuPinyin</c>), whose many archaic readings would otherwise swamp the common ones. Immutable once built.
/// </summary>
public sealed class UnihanReadings
{
    /// <summary>Where Debian's <c>unicode-data</c> package installs the readings.</summary>
    public const string DebianPath = "/usr/share/unicode/Unihan_Readings.txt.bz2";

    private static readonly Lazy<UnihanReadings> Installed = new(() => Load(DebianPath));
    private readonly Dictionary<int, string[]> _readings;

    private UnihanReadings(Dictionary<int, string[]> readings) => _readings = readings;

    /// <summary>The readings installed on this machine, loaded once on first use.</summary>
    /// <exception cref="FileNotFoundException">unicode-data is not installed (scripts/setup-runtime.sh installs it).</exception>
    public static UnihanReadings Shared => Installed.Value;

    /// <summary>Number of characters with at least one reading.</summary>
    public int Count => _readings.Count;

    /// <summary>Loads a <c>Unihan_Readings.txt</c> file, bzip2-compressed when its name ends in <c>.bz2</c>.</summary>
    public static UnihanReadings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Unihan readings '{path}' not found: install Debian's unicode-data package (scripts/setup-runtime.sh does).", path);
        }

        using Stream file = File.OpenRead(path);
        using Stream text = path.EndsWith(".bz2", StringComparison.Ordinal) ? new BZip2InputStream(file) : file;
        using var reader = new StreamReader(text);
        return Parse(reader);
    }

    /// <summary>Parses the tab-separated <c>U+XXXX	field	value</c> lines of <c>Unihan_Readings.txt</c>.</summary>
    public static UnihanReadings Parse(TextReader reader)
    {
        var customary = new Dictionary<int, List<string>>();
        var fallback = new Dictionary<int, List<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith("U+", StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length < 3)
            {
                continue;
            }

            int codePoint = Convert.ToInt32(fields[0][2..], 16);
            switch (fields[1])
            {
                case "kMandarin":
                    AddAll(customary, codePoint, fields[2].Split(' '), front: true);
                    break;
                case "kXHC1983" or "kTGHZ2013":
                    AddAll(customary, codePoint, Located(fields[2]), front: false);
                    break;
                case "kHanyuPinyin":
                    AddAll(fallback, codePoint, Located(fields[2]).SelectMany(r => r.Split(',')), front: false);
                    break;
            }
        }

        foreach (var (codePoint, readings) in fallback)
        {
            customary.TryAdd(codePoint, readings);
        }

        return new UnihanReadings(customary.ToDictionary(p => p.Key, p => p.Value.ToArray()));
    }

    /// <summary>The readings of <paramref name="codePoint"/>, customary first (<c>xíng</c>, <c>háng</c>, …); empty when it has none.</summary>
    public IReadOnlyList<string> Of(int codePoint) => _readings.TryGetValue(codePoint, out var readings) ? readings : [];

    // "0442.080:háng 1290.030:xíng": dictionary locations, then the reading.
    private static IEnumerable<string> Located(string value) =>
        value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(entry => entry[(entry.IndexOf(':') + 1)..]);

    private static void AddAll(Dictionary<int, List<string>> into, int codePoint, IEnumerable<string> readings, bool front)
    {
        if (!into.TryGetValue(codePoint, out var list))
        {
            into[codePoint] = list = [];
        }

        int at = 0;
        foreach (string raw in readings)
        {
            string reading = raw.Trim('*', ' ').Normalize().ToLowerInvariant();
            if (reading.Length == 0)
            {
                continue;
            }

            if (front)
            {
                list.Remove(reading);
                list.Insert(at++, reading);
            }
            else if (!list.Contains(reading))
            {
                list.Add(reading);
            }
        }
    }
}

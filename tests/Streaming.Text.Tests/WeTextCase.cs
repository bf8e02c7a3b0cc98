namespace Streaming.Text.Tests;

/// <summary>One `spoken => written` line of a WeTextProcessing test file.</summary>
public sealed record WeTextCase(string File, int Line, string Spoken, string Written)
{
    private const string Separator = " => ";

    /// <summary>Reads every case of one language folder under TestData/wetext.</summary>
    public static IReadOnlyList<WeTextCase> Load(string language)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "wetext", language);
        var cases = new List<WeTextCase>();
        foreach (var path in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = System.IO.File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                // Empty spoken text is written " => " with nothing around it, so trim only the line end.
                var line = lines[i].TrimEnd('\r');
                var at = line.IndexOf(Separator, StringComparison.Ordinal);
                if (at < 0)
                {
                    at = line.IndexOf(" =>", StringComparison.Ordinal);
                    if (at < 0)
                    {
                        continue;
                    }
                }

                var written = at + Separator.Length <= line.Length ? line[(at + Separator.Length)..] : "";
                cases.Add(new WeTextCase(Path.GetFileName(path), i + 1, line[..at], written));
            }
        }

        return cases;
    }

    /// <summary>
    /// The options a file was written for: normalizer_{enable|disable}_standalone_number_{enable|disable}_0_to_9
    /// name them; every other file uses the language's defaults.
    /// </summary>
    public ItnOptions Options(ItnOptions defaults)
    {
        if (!File.StartsWith("normalizer_", StringComparison.Ordinal))
        {
            return defaults;
        }

        return defaults with
        {
            StandaloneNumbers = File.Contains("enable_standalone_number", StringComparison.Ordinal),
            ConvertZeroToNine = File.Contains("enable_0_to_9", StringComparison.Ordinal),
        };
    }
}

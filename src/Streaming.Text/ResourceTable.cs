using System.Collections.Frozen;
using System.Reflection;

namespace Streaming.Text;

/// <summary>Loads the embedded rule tables: one entry a line, an optional written form after a tab, '#' comments.</summary>
internal static class ResourceTable
{
    /// <summary>Reads <paramref name="name"/> as key → written form (the key itself when a line has no tab).</summary>
    public static FrozenDictionary<string, string> Load(string name)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadLines(name))
        {
            var tab = line.IndexOf('\t');
            if (tab < 0)
            {
                entries[line] = line;
            }
            else
            {
                entries[line[..tab]] = line[(tab + 1)..];
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> ReadLines(string name)
    {
        var assembly = typeof(ResourceTable).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Streaming.Text.Resources.{name}")
            ?? throw new InvalidOperationException($"Missing embedded rule table '{name}'.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text.Json;

namespace Streaming.Asr.Catalog;

/// <summary>
/// <c>models/manifest.json</c>: every bundled model with its kind, languages, licence, source and the sha256 of
/// each file. A recogniser declares the languages it serves here.
/// </summary>
public sealed class ModelManifest
{
    /// <summary>File name of the manifest inside the models folder.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private ModelManifest(string directory, IReadOnlyList<ModelManifestEntry> models)
    {
        Directory = directory;
        Models = models;
    }

    /// <summary>The models folder the manifest describes.</summary>
    public string Directory { get; }

    /// <summary>The entries, in file order.</summary>
    public IReadOnlyList<ModelManifestEntry> Models { get; }

    /// <summary>Reads the manifest of <paramref name="modelsDirectory"/>; a folder without one has no entries.</summary>
    /// <exception cref="InvalidDataException">The manifest is not valid JSON of the expected shape.</exception>
    public static ModelManifest Read(string modelsDirectory)
    {
        var path = Path.Combine(modelsDirectory, FileName);
        if (!File.Exists(path))
        {
            return new ModelManifest(modelsDirectory, []);
        }

        try
        {
            var file = JsonSerializer.Deserialize<ManifestFile>(File.ReadAllBytes(path), Json);
            return new ModelManifest(modelsDirectory, file?.Models ?? []);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not a valid model manifest: {ex.Message}", ex);
        }
    }

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public ModelManifestEntry? Find(string name) => Models.FirstOrDefault(m => m.Name == name);

    /// <summary>Hashes every file of <paramref name="entry"/> and compares it with the manifest.</summary>
    public IReadOnlyList<ModelFileCheck> Verify(ModelManifestEntry entry) =>
        [.. (entry.Files ?? new Dictionary<string, string>()).Select(f => Check(f.Key, f.Value))];

    private ModelFileCheck Check(string relativePath, string expected)
    {
        var path = Path.Combine(Directory, relativePath);
        if (!File.Exists(path))
        {
            return new ModelFileCheck(relativePath, expected, null);
        }

        using var stream = File.OpenRead(path);
        return new ModelFileCheck(relativePath, expected, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    private sealed record ManifestFile(List<ModelManifestEntry>? Models);
}

/// <summary>One model of the manifest.</summary>
/// <param name="Name">Folder name under <c>models/</c>, which sessions and settings use to name it.</param>
/// <param name="Kind"><c>moonshine</c>, <c>transducer</c> or <c>vad</c>.</param>
/// <param name="Languages">Languages a recogniser serves (none for the VAD).</param>
/// <param name="Licence">Licence and where its text is.</param>
/// <param name="Source">Where the files come from.</param>
/// <param name="Files">sha256 (lower-case hex) of each file, by path relative to the models folder.</param>
public sealed record ModelManifestEntry(
    string Name,
    string? Kind,
    IReadOnlyList<string>? Languages,
    string? Licence,
    string? Source,
    IReadOnlyDictionary<string, string>? Files)
{
    /// <summary>Whether the entry is a recogniser (it declares at least one language).</summary>
    public bool IsRecognizer => Languages is { Count: > 0 };
}

/// <summary>The check of one file against the manifest.</summary>
/// <param name="Path">Path relative to the models folder.</param>
/// <param name="Expected">sha256 the manifest gives.</param>
/// <param name="Actual">sha256 of the file, or null when it is missing.</param>
public sealed record ModelFileCheck(string Path, string Expected, string? Actual)
{
    /// <summary>Whether the file is present and matches.</summary>
    public bool Matches => string.Equals(Expected, Actual, StringComparison.OrdinalIgnoreCase);
}

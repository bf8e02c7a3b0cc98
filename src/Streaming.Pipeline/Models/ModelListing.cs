using Streaming.Asr.Catalog;

namespace Streaming.Pipeline.Models;

/// <summary>One row of <c>streaming models list</c> and <c>GET /api/models</c>.</summary>
/// <param name="Name">Folder name; what sessions pass as <c>model</c>.</param>
/// <param name="Kind"><c>moonshine</c>, <c>transducer</c> or <c>vad</c>.</param>
/// <param name="Languages">Languages it serves (none for the VAD).</param>
/// <param name="Licence">Licence, from the manifest.</param>
/// <param name="Source">Where the files come from, from the manifest.</param>
/// <param name="FilesMatch">Whether every file is present with the manifest's sha256; null when not checked or not in the manifest.</param>
/// <param name="Loaded">Whether the engine loaded it (always false where no engine runs, as in the CLI).</param>
/// <param name="DefaultFor">Languages whose sessions get it when they name no model.</param>
/// <param name="MemoryBytes">Resident memory its load added, on the default device; null when not loaded.</param>
/// <param name="Error">Why the engine refused it, when it did.</param>
public sealed record ModelListing(
    string Name,
    string Kind,
    IReadOnlyList<string> Languages,
    string? Licence,
    string? Source,
    bool? FilesMatch,
    bool Loaded,
    IReadOnlyList<string> DefaultFor,
    long? MemoryBytes,
    string? Error)
{
    /// <summary>
    /// The manifest's models followed by any the engine loaded from outside it. <paramref name="filesMatch"/> gives
    /// the verification of an entry (null: not checked); <paramref name="engine"/> adds what is loaded, when one runs.
    /// </summary>
    public static IReadOnlyList<ModelListing> Build(ModelManifest manifest, Func<ModelManifestEntry, bool?> filesMatch, SpeechEngine? engine)
    {
        var rows = new List<ModelListing>();
        foreach (var entry in manifest.Models)
        {
            var loaded = engine?.Recognizers.FirstOrDefault(r => r.Info.Name == entry.Name);
            rows.Add(new ModelListing(
                entry.Name,
                entry.Kind ?? loaded?.Info.Kind ?? "unknown",
                entry.Languages ?? [],
                entry.Licence,
                entry.Source,
                filesMatch(entry),
                loaded is not null,
                DefaultsOf(entry.Name, engine),
                loaded?.MemoryBytes,
                engine?.Models.Unavailable.GetValueOrDefault(entry.Name)));
        }

        foreach (var loaded in engine?.Recognizers.Where(r => manifest.Find(r.Info.Name) is null) ?? [])
        {
            rows.Add(new ModelListing(
                loaded.Info.Name, loaded.Info.Kind, loaded.Info.Languages, null, null, null, true, DefaultsOf(loaded.Info.Name, engine), loaded.MemoryBytes, null));
        }

        foreach (var (name, error) in engine?.Models.Unavailable.Where(u => manifest.Find(u.Key) is null) ?? [])
        {
            rows.Add(new ModelListing(name, "unknown", [], null, null, null, false, [], null, error));
        }

        return rows;
    }

    private static IReadOnlyList<string> DefaultsOf(string name, SpeechEngine? engine) =>
        engine is null ? [] : [.. engine.Models.Languages.Where(l => engine.Models.DefaultFor(l) == name)];
}

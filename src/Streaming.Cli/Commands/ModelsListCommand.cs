using System.ComponentModel;
using System.Text.Json;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Catalog;
using Streaming.Pipeline.Models;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming models list</c>: every model of <c>models/manifest.json</c> with its kind, languages, licence, source
/// and whether its files match the manifest's sha256.
/// </summary>
public sealed class ModelsListCommand : Command<ModelsListCommand.Settings>
{
    /// <summary>Arguments of <c>models list</c>.</summary>
    public sealed class Settings : ModelsFolderSettings
    {

        /// <summary>JSON output.</summary>
        [CommandOption("--json")]
        [Description("Print the list as JSON (the rows of GET /api/models, without what only a running server knows)")]
        public bool Json { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var manifest = ModelManifest.Read(ModelDirectory.Locate(settings.Models));
        var rows = ModelListing.Build(manifest, e => manifest.Verify(e).All(f => f.Matches), engine: null);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            return 0;
        }

        Console.WriteLine($"models: {manifest.Directory}");
        Console.WriteLine($"{"name",-26} {"kind",-11} {"languages",-9} {"files",-8} licence; source");
        foreach (var row in rows)
        {
            var files = row.FilesMatch switch { true => "ok", false => "MISMATCH", null => "-" };
            var languages = row.Languages.Count == 0 ? "-" : string.Join(",", row.Languages);
            Console.WriteLine($"{row.Name,-26} {row.Kind,-11} {languages,-9} {files,-8} {row.Licence}; {row.Source}");
        }

        return 0;
    }
}

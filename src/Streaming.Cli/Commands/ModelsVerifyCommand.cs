using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Catalog;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming models verify</c>: hashes every file <c>models/manifest.json</c> lists and compares it with the
/// manifest's sha256; exits 1 when a file is missing or differs.
/// </summary>
public sealed class ModelsVerifyCommand : Command<ModelsFolderSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ModelsFolderSettings settings, CancellationToken cancellationToken)
    {
        var manifest = ModelManifest.Read(ModelDirectory.Locate(settings.Models));
        if (manifest.Models.Count == 0)
        {
            throw new CliException($"{Path.Combine(manifest.Directory, ModelManifest.FileName)} lists no models.");
        }

        var bad = 0;
        foreach (var entry in manifest.Models)
        {
            foreach (var file in manifest.Verify(entry))
            {
                var verdict = file.Matches ? "ok" : file.Actual is null ? "MISSING" : $"MISMATCH (sha256 {file.Actual}, manifest {file.Expected})";
                Console.WriteLine($"{verdict,-8} {file.Path}");
                bad += file.Matches ? 0 : 1;
            }
        }

        Console.WriteLine(bad == 0 ? "every file matches the manifest" : $"{bad} file(s) do not match the manifest");
        return bad == 0 ? 0 : 1;
    }
}

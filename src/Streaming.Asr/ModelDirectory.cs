namespace Streaming.Asr;

/// <summary>
/// Finds the <c>models/</c> folder the product ships with, so commands run from a fresh clone with no
/// configuration: an explicit path wins, then <c>STREAMING_MODELS_DIR</c>, then the nearest
/// <c>models/manifest.json</c> above the working directory or above the program's own folder.
/// </summary>
public static class ModelDirectory
{
    /// <summary>Environment variable that points at a models folder.</summary>
    public const string EnvironmentVariable = "STREAMING_MODELS_DIR";

    /// <summary>Returns the models folder, or throws <see cref="DirectoryNotFoundException"/> saying where it looked.</summary>
    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Directory.Exists(explicitPath)
                ? Path.GetFullPath(explicitPath)
                : throw new DirectoryNotFoundException($"Models folder '{explicitPath}' does not exist.");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Locate(fromEnvironment);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models");
                if (File.Exists(Path.Combine(candidate, "manifest.json")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No models folder found: pass one explicitly or set {EnvironmentVariable}; looked for models/manifest.json above "
            + $"'{Directory.GetCurrentDirectory()}' and '{AppContext.BaseDirectory}'.");
    }
}

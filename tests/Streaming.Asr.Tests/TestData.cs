namespace Streaming.Asr.Tests;

/// <summary>Locates the repository (the folder holding Streaming.sln), its models and the shared test audio.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string AudioRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "testdata", "audio"));

    public static string MoonshineDirectory => Path.Combine(RepositoryRoot, "models", "moonshine-tiny-en");

    public static string Audio(string relativePath) => Path.Combine(AudioRoot, relativePath);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Streaming.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Streaming.sln above {AppContext.BaseDirectory}.");
    }
}

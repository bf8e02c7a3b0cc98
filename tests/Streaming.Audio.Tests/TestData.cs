namespace Streaming.Audio.Tests;

/// <summary>Finds the shared test-data folder that sits next to the repository (../shared from Streaming.sln).</summary>
internal static class TestData
{
    public static string AudioFile(string name)
    {
        string repoRoot = FindRepoRoot();
        string path = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "testdata", "audio", name));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Shared test data missing: expected {path} (the 'shared' folder beside the repository; CI provides it).", path);
        }

        return path;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Streaming.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Streaming.sln above {AppContext.BaseDirectory}.");
    }
}

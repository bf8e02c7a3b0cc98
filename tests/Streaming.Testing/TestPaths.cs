namespace Streaming.Testing;

/// <summary>Where the repository, its models and the team's shared test data are, from a test's output folder.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Streaming.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Streaming.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The repository root (the folder holding Streaming.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The bundled models folder.</summary>
    public static string Models => Path.Combine(RepoRoot, "models");

    /// <summary>A file under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>
    /// A file of the team's shared test data (<c>../shared/testdata/</c> beside the repository); fails with a
    /// clear message when that folder is not checked out next to the repository.
    /// </summary>
    public static string SharedTestData(params string[] parts)
    {
        var path = Path.GetFullPath(Path.Combine([RepoRoot, "..", "shared", "testdata", .. parts]));
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared test data '{path}' is missing: the tests expect ../shared beside the repository.", path);
    }
}

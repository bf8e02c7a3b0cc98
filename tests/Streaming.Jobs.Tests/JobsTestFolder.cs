using Microsoft.Data.Sqlite;
using Streaming.Testing;

namespace Streaming.Jobs.Tests;

/// <summary>A temporary data folder and storage root for one test, with the host settings that point at them.</summary>
public sealed class JobsTestFolder : IDisposable
{
    public JobsTestFolder()
    {
        Root = Directory.CreateTempSubdirectory("streaming-jobs-").FullName;
        Directory.CreateDirectory(Storage);
    }

    public string Root { get; }

    public string Data => Path.Combine(Root, "data");

    public string Storage => Path.Combine(Root, "storage");

    public static string Audio(params string[] parts) => TestPaths.SharedTestData(["audio", .. parts]);

    public Dictionary<string, string?> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:DataDirectory"] = Data,
            ["Jobs:StorageRoot"] = Storage,
            ["Jobs:PollMilliseconds"] = "50",
            ["Jobs:LeaseSeconds"] = "5",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}

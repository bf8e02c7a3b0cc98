namespace Streaming.FunctionalTests;

/// <summary>One server for the tests of the <see cref="ServerCollection"/>, with default limits.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    /// <summary>The web pages folder the server serves, made for the tests.</summary>
    public string WebRoot { get; } = Path.Combine(Path.GetTempPath(), $"streaming-web-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WebRoot);
        await File.WriteAllTextAsync(Path.Combine(WebRoot, "index.html"), "<!doctype html><title>captions test page</title>");
        Server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Server:MaxAudioMessageBytes"] = "16000",
            ["Server:WebRoot"] = WebRoot,
            ["Server:CorsOrigins:0"] = "http://captions.example",
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(WebRoot, recursive: true);
    }
}

/// <summary>Tests that share <see cref="SharedServer"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<SharedServer>
{
    public const string Name = "server";
}

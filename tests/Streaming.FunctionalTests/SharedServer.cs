namespace Streaming.FunctionalTests;

/// <summary>One server for the tests of the <see cref="ServerCollection"/>, with default limits.</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Server:MaxAudioMessageBytes"] = "16000",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Tests that share <see cref="SharedServer"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<SharedServer>
{
    public const string Name = "server";
}

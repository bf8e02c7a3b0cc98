namespace Streaming.LoadTests.Tests;

/// <summary>One server process shared by the tests of a class (starting one loads the models: seconds).</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    internal ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync(ServerProcess.NewSigningKey());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_server_delivers_the_finals_of_open_sessions_first()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = server.Client("tom");
        var log = new EventLog(client);
        await client.ConnectAsync();
        var source = new WavAudioSource(TestPaths.InRepo("samples", "jfk.wav"));
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate });
        _ = client.SendAudioAsync(sessionId, source.ReadAsync(paced: true));
        await log.WaitForAsync(l => l.All.Any(e => e.Kind == "partial"));

        await server.StopAsync();

        await log.WaitForAsync(l => l.Errors.Count > 0, seconds: 30);
        Assert.NotEmpty(log.Finals);
        Assert.Equal(ErrorCodes.ShuttingDown, Assert.Single(log.Errors).Code);
        var kinds = log.All.Select(e => e.Kind).ToArray();
        Assert.True(Array.LastIndexOf(kinds, "final") < Array.IndexOf(kinds, "error"), "finals come before the shutdown error");
    }
}

using System.Text.Json;

namespace Streaming.FunctionalTests;

/// <summary>A server set up for unchanged FunASR clients: the socket at <c>/</c>, loopback clients without a token.</summary>
public sealed class FunAsrDropInServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public string WebRoot { get; } = Path.Combine(Path.GetTempPath(), $"streaming-web-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WebRoot);
        await File.WriteAllTextAsync(Path.Combine(WebRoot, "index.html"), "<!doctype html><title>drop-in page</title>");
        Server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["FunAsr:Path"] = "/",
            ["FunAsr:AllowAnonymousFrom:0"] = "127.0.0.0/8",
            ["Server:WebRoot"] = WebRoot,
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(WebRoot, recursive: true);
    }
}

public sealed class FunAsrDropInTests(FunAsrDropInServer fixture) : IClassFixture<FunAsrDropInServer>
{
    [Fact]
    public async Task Current_FunAsr_client_at_the_root_gets_2pass_finals_then_the_end_of_input_acknowledgement()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(fixture.Server.BaseUrl);
        Assert.Equal("binary", client.Socket.SubProtocol);
        await client.SendTextAsync(FunAsrProtocolClient.StartMessage("demo"));
        await client.SendAudioAsync(FunAsrProtocolClient.Pcm("jfk.wav"));
        await client.SendTextAsync("""{"is_speaking":false,"is_end":true}""");

        var messages = await client.ReceiveAllAsync();

        var acknowledgement = messages[^1];
        Assert.True(acknowledgement.GetProperty("is_end").GetBoolean());
        Assert.True(acknowledgement.GetProperty("is_final").GetBoolean());
        Assert.Equal("demo", acknowledgement.GetProperty("wav_name").GetString());
        Assert.False(acknowledgement.TryGetProperty("error", out _));
        Assert.All(messages[..^1], m => Assert.False(m.TryGetProperty("is_end", out _)));
        Assert.Contains(messages, m => m.GetProperty("mode").GetString() == "2pass-online" && m.GetProperty("text").GetString()!.Length > 0);
        var finals = string.Join(" ", messages.Where(m => m.GetProperty("mode").GetString() == "2pass-offline").Select(m => m.GetProperty("text").GetString()));
        Assert.Contains("what your country can do for you", Normalise(finals), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_requests_at_the_root_still_get_the_web_page()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };

        var page = await http.GetStringAsync("/");

        Assert.Contains("drop-in page", page, StringComparison.Ordinal);
    }

    private static string Normalise(string text) =>
        string.Concat(text.ToLowerInvariant().Where(c => char.IsLetter(c) || c == ' ')).Replace("  ", " ", StringComparison.Ordinal);
}

using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>A server with the Mandarin transducer only.</summary>
public sealed class MandarinServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Engine:Models:0"] = "zipformer-wenetspeech-zh",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Mandarin hotwords through SignalR: a session's hotwords bias the pinyin search and are written as given, so
/// names the model's converter would write with other characters come out right.
/// </summary>
public sealed class MandarinHotwordTests(MandarinServer shared) : IClassFixture<MandarinServer>
{
    private static string Wav(string name) => TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", name);

    [Theory]
    [InlineData("3.wav", "文森特卡索")]
    [InlineData("6.wav", "朱丽楠")]
    public async Task A_session_with_hotwords_gets_the_names_written_as_given_in_its_finals(string wav, string name)
    {
        string[] hotwords = ["文森特卡索", "朱丽楠"];

        var plain = await FinalsAsync("lin", Wav(wav), []);
        var biased = await FinalsAsync("mei", Wav(wav), hotwords);

        Assert.DoesNotContain(name, Text(plain));
        Assert.Contains(name, Text(biased));
        Assert.Contains(name, biased.SelectMany(f => f.HotwordsHit));
    }

    [Fact]
    public async Task A_hotword_the_model_cannot_spell_is_refused_naming_the_character()
    {
        await using var client = shared.Server.Client("ning");
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => client.StartSessionAsync(new SessionRequest { Language = "zh", Hotwords = ["三号线", "5号线"] }));

        Assert.Contains("5号线", error.Message);
    }

    private static string Text(IEnumerable<TranscriptResult> finals) => string.Concat(finals.Select(f => f.Text));

    private async Task<IReadOnlyList<TranscriptResult>> FinalsAsync(string subject, string wav, string[] hotwords)
    {
        await using var client = shared.Server.Client(subject);
        var log = new EventLog(client);
        await client.ConnectAsync();
        var source = new WavAudioSource(wav);
        var started = await client.OpenSessionAsync(new SessionRequest { Language = "zh", SampleRate = source.SampleRate, Hotwords = hotwords });
        await client.SendAudioAsync(started.SessionId, source.ReadAsync(100, paced: false));
        Assert.Empty(log.Errors);
        Assert.NotEmpty(log.Finals);
        return log.Finals;
    }
}

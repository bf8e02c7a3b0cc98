using System.Net.WebSockets;

namespace Streaming.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class FunAsrTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task A_FunAsr_client_gets_offline_results_and_is_final_on_the_last_one()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl, "/ws/funasr", Server.Tokens.Create("nina"), subProtocol: null);
        await client.SendTextAsync("""{"mode":"2pass","chunk_size":[5,10,5],"chunk_interval":10,"wav_name":"jfk","is_speaking":true,"hotwords":"{\"country\":20}","itn":true,"audio_fs":16000,"wav_format":"pcm"}""");
        await client.SendAudioAsync(FunAsrProtocolClient.Pcm("jfk.wav", seconds: 3), stride: 9600);

        // An older client: it ends with is_speaking false alone and waits for is_final.
        await client.SendTextAsync("""{"is_speaking":false}""");
        var results = await client.ReceiveAllAsync();

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("jfk", r.GetProperty("wav_name").GetString()));
        Assert.True(results[^1].GetProperty("is_final").GetBoolean());
        Assert.All(results[..^1], r => Assert.False(r.GetProperty("is_final").GetBoolean()));
        Assert.All(results, r => Assert.False(r.TryGetProperty("is_end", out _)));
        var offline = results.Where(r => r.GetProperty("mode").GetString() == "2pass-offline").Select(r => r.GetProperty("text").GetString()).ToArray();
        Assert.Contains(offline, t => t!.Contains("fellow", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("[[", results.First(r => r.GetProperty("mode").GetString() == "2pass-offline").GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task A_FunAsr_connection_without_any_token_is_refused_after_its_start_message()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl);
        await client.SendTextAsync(FunAsrProtocolClient.StartMessage("nobody"));

        var refusal = Assert.Single(await client.ReceiveAllAsync());

        Assert.Equal("refused", refusal.GetProperty("error").GetString());
        Assert.Contains("FunAsr:AllowAnonymousFrom", refusal.GetProperty("message").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.Socket.CloseStatus);
    }

    [Fact]
    public async Task A_FunAsr_connection_with_a_bad_token_is_refused_before_the_socket_opens()
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() => FunAsrProtocolClient.ConnectAsync(Server.BaseUrl, token: "not-a-jwt"));

        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task A_token_in_the_start_message_admits_the_client()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl);
        await client.SendTextAsync(FunAsrProtocolClient.StartMessage("tokened", extra: $$""","access_token":"{{Server.Tokens.Create("pia")}}" """));
        await client.SendAudioAsync(FunAsrProtocolClient.Pcm("jfk.wav", seconds: 3), stride: 9600);
        await client.SendTextAsync("""{"is_speaking":false,"is_end":true}""");

        var results = await client.ReceiveAllAsync();

        Assert.All(results, r => Assert.False(r.TryGetProperty("error", out _)));
        Assert.True(results[^1].GetProperty("is_end").GetBoolean());
        Assert.True(results[^1].GetProperty("is_final").GetBoolean());
    }

    [Fact]
    public async Task A_bad_token_in_the_start_message_is_refused()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl);
        await client.SendTextAsync(FunAsrProtocolClient.StartMessage("forged", extra: ""","access_token":"forged.token.value" """));

        var refusal = Assert.Single(await client.ReceiveAllAsync());

        Assert.Contains("access_token of the start message is not valid", refusal.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_FunAsr_start_message_with_a_bad_mode_gets_a_clear_error()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl, "/ws/funasr", Server.Tokens.Create("olga"));
        await client.SendTextAsync("""{"mode":"fast","wav_name":"x","is_speaking":true}""");

        var results = await client.ReceiveAllAsync();

        var refusal = Assert.Single(results);
        Assert.Contains("mode 'fast' is not supported", refusal.GetProperty("message").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.Socket.CloseStatus);
    }

    [Fact]
    public async Task A_FunAsr_start_message_with_an_unknown_itn_style_gets_a_clear_error()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl, "/ws/funasr", Server.Tokens.Create("olga"));
        await client.SendTextAsync("""{"mode":"offline","wav_name":"x","is_speaking":true,"itn_style":"print"}""");

        var refusal = Assert.Single(await client.ReceiveAllAsync());

        Assert.Contains("Unknown ITN style 'print'", refusal.GetProperty("message").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.Socket.CloseStatus);
    }
}

using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

[Collection(ServerCollection.Name)]
public sealed class FunAsrTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task A_FunAsr_client_gets_offline_results_and_is_final_on_the_last_one()
    {
        using var socket = await ConnectAsync(Server.Tokens.Create("nina"));
        await SendTextAsync(socket, """{"mode":"2pass","chunk_size":[5,10,5],"chunk_interval":10,"wav_name":"jfk","is_speaking":true,"hotwords":"{\"country\":20}","itn":true,"audio_fs":16000,"wav_format":"pcm"}""");
        var (samples, _) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
        var opening = samples.AsSpan(0, 3 * 16000);
        var pcm = new byte[opening.Length * 2];
        Pcm16.FromFloat(opening, pcm);
        for (var offset = 0; offset < pcm.Length; offset += 9600)
        {
            await socket.SendAsync(pcm.AsMemory(offset, Math.Min(9600, pcm.Length - offset)), WebSocketMessageType.Binary, true, CancellationToken.None);
        }

        await SendTextAsync(socket, """{"is_speaking":false}""");
        var results = await ReceiveAllAsync(socket);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("jfk", r.GetProperty("wav_name").GetString()));
        Assert.True(results[^1].GetProperty("is_final").GetBoolean());
        Assert.All(results[..^1], r => Assert.False(r.GetProperty("is_final").GetBoolean()));
        var offline = results.Where(r => r.GetProperty("mode").GetString() == "2pass-offline").Select(r => r.GetProperty("text").GetString()).ToArray();
        Assert.Contains(offline, t => t!.Contains("fellow", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("[[", results.First(r => r.GetProperty("mode").GetString() == "2pass-offline").GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task A_FunAsr_connection_without_a_token_is_refused()
    {
        var error = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(token: null));

        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task A_FunAsr_start_message_with_a_bad_mode_gets_a_clear_error()
    {
        using var socket = await ConnectAsync(Server.Tokens.Create("olga"));
        await SendTextAsync(socket, """{"mode":"fast","wav_name":"x","is_speaking":true}""");

        var results = await ReceiveAllAsync(socket);

        var refusal = Assert.Single(results);
        Assert.Contains("mode 'fast' is not supported", refusal.GetProperty("message").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }

    [Fact]
    public async Task A_FunAsr_start_message_with_an_unknown_itn_style_gets_a_clear_error()
    {
        using var socket = await ConnectAsync(Server.Tokens.Create("olga"));
        await SendTextAsync(socket, """{"mode":"offline","wav_name":"x","is_speaking":true,"itn_style":"print"}""");

        var results = await ReceiveAllAsync(socket);

        var refusal = Assert.Single(results);
        Assert.Contains("Unknown ITN style 'print'", refusal.GetProperty("message").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }

    private async Task<ClientWebSocket> ConnectAsync(string? token)
    {
        var socket = new ClientWebSocket();
        var url = new UriBuilder(Server.BaseUrl) { Scheme = "ws", Path = "/ws/funasr", Query = token is null ? "" : $"access_token={token}" }.Uri;
        await socket.ConnectAsync(url, CancellationToken.None);
        return socket;
    }

    private static Task SendTextAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement[]> ReceiveAllAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var results = new List<JsonElement>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return [.. results];
            }

            results.Add(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
        }
    }
}

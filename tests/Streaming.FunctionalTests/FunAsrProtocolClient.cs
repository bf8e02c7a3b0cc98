using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>
/// A FunASR runtime client written from the protocol as FunASR's own <c>funasr_wss_client.py</c> speaks it:
/// <c>ws://host:port</c> with subprotocol <c>binary</c>, a JSON start message, PCM16 in strides of
/// <c>60 * chunk_size[1] / chunk_interval</c> ms, then <c>{"is_speaking": false, "is_end": true}</c>.
/// </summary>
internal sealed class FunAsrProtocolClient : IDisposable
{
    private FunAsrProtocolClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    /// <summary>Connects to <paramref name="path"/>; <paramref name="token"/> goes in the access_token query (null: none).</summary>
    public static async Task<FunAsrProtocolClient> ConnectAsync(Uri server, string path = "/", string? token = null, string? subProtocol = "binary")
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        var url = new UriBuilder(server) { Scheme = "ws", Path = path, Query = token is null ? "" : $"access_token={token}" }.Uri;
        await socket.ConnectAsync(url, CancellationToken.None);
        return new FunAsrProtocolClient(socket);
    }

    /// <summary>The start message the current FunASR client sends for a file (2pass, chunk_size 5,10,5).</summary>
    public static string StartMessage(string wavName, string mode = "2pass", string extra = "") =>
        $$"""{"mode":"{{mode}}","chunk_size":[5,10,5],"chunk_interval":10,"encoder_chunk_look_back":4,"decoder_chunk_look_back":0,"audio_fs":16000,"wav_name":"{{wavName}}","wav_format":"pcm","is_speaking":true,"hotwords":"","itn":true{{extra}}}""";

    /// <summary>The first <paramref name="seconds"/> of a bundled sample as PCM16 (null: all of it).</summary>
    public static byte[] Pcm(string sample, double? seconds = null)
    {
        var (samples, _) = WavReader.ReadAllMono(TestPaths.InRepo("samples", sample));
        var length = seconds is { } s ? Math.Min(samples.Length, (int)(s * 16000)) : samples.Length;
        var pcm = new byte[length * 2];
        Pcm16.FromFloat(samples.AsSpan(0, length), pcm);
        return pcm;
    }

    public Task SendTextAsync(string json) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends the audio in the client's strides: 60 * 10 / 10 ms = 600 ms, 19,200 bytes at 16 kHz.</summary>
    public async Task SendAudioAsync(byte[] pcm, int stride = 19_200)
    {
        for (var offset = 0; offset < pcm.Length; offset += stride)
        {
            await Socket.SendAsync(pcm.AsMemory(offset, Math.Min(stride, pcm.Length - offset)), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
    }

    /// <summary>Every message until the server closes the socket.</summary>
    public async Task<JsonElement[]> ReceiveAllAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var results = new List<JsonElement>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await Socket.ReceiveAsync(buffer, timeout.Token);
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

    public void Dispose() => Socket.Dispose();
}

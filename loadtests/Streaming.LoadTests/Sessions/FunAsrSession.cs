using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Streaming.LoadTests.Framework;

namespace Streaming.LoadTests.Sessions;

/// <summary>
/// One client of the FunASR-runtime WebSocket (<c>/ws/funasr</c>) in 2pass mode: the JSON start message, PCM16
/// binary messages at real time, <c>{"is_speaking": false}</c>, then results until the server closes.
/// "2pass-online" results are partials, "2pass-offline" ones finals (the last carries <c>is_final</c>). Their
/// audio time is the last token's end from <c>timestamp</c> ([start, end] ms pairs), which lies a little before
/// the end of the audio a partial covers, so partial latency reads slightly high on this protocol.
/// </summary>
public static class FunAsrSession
{
    /// <summary>Path of the endpoint.</summary>
    public const string Path = "/ws/funasr";

    /// <summary>Streams <paramref name="clip"/> once and returns what was measured.</summary>
    public static async Task<SessionOutcome> RunAsync(SpeechClip clip, SessionOptions options, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        if (options.Token is { } token)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        var clock = new AudioClock();
        var measurements = new SessionMeasurements(clock);
        try
        {
            var uri = new UriBuilder(new Uri(options.Server, Path)) { Scheme = options.Server.Scheme == "https" ? "wss" : "ws" }.Uri;
            await socket.ConnectAsync(uri, cancellationToken);
            var start = JsonSerializer.Serialize(new
            {
                mode = "2pass",
                chunk_size = new[] { 5, 10, 5 },
                wav_name = System.IO.Path.GetFileNameWithoutExtension(clip.Path),
                is_speaking = true,
                hotwords = "",
                itn = true,
                audio_fs = clip.SampleRate,
                language = options.Language,
                model = options.Model,
            });
            await socket.SendAsync(Encoding.UTF8.GetBytes(start), WebSocketMessageType.Text, true, cancellationToken);
            var receiving = ReceiveAsync(socket, measurements, cancellationToken);
            await foreach (var packet in PacedAudio.PacketsAsync(clip, options.PacketMs, clock, cancellationToken))
            {
                if (receiving.IsCompleted)
                {
                    break; // the server ended the session (its error is measured)
                }

                await socket.SendAsync(packet, WebSocketMessageType.Binary, true, cancellationToken);
            }

            if (!receiving.IsCompleted)
            {
                await socket.SendAsync("{\"is_speaking\":false}"u8.ToArray(), WebSocketMessageType.Text, true, cancellationToken);
            }

            await receiving.WaitAsync(TimeSpan.FromSeconds(clip.Seconds) + options.FinalTimeout, cancellationToken);
            return measurements.ToOutcome();
        }
        catch (Exception ex) when (ex is WebSocketException or TimeoutException or JsonException or IOException)
        {
            return measurements.ToOutcome($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, SessionMeasurements measurements, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var segment = 0;
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (socket.CloseStatus is not (WebSocketCloseStatus.NormalClosure or WebSocketCloseStatus.Empty))
                {
                    measurements.Error(socket.CloseStatus?.ToString() ?? "closed", socket.CloseStatusDescription ?? "");
                }

                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return;
            }

            using var json = JsonDocument.Parse(message.ToArray());
            var root = json.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                measurements.Error(error.ToString(), root.TryGetProperty("message", out var text) ? text.ToString() : "");
                continue;
            }

            var isFinal = root.TryGetProperty("mode", out var mode) && mode.GetString() is { } name && name.EndsWith("offline", StringComparison.Ordinal);
            if (TokenSpan(root) is not { } span)
            {
                continue; // no words yet: nothing to time
            }

            if (isFinal)
            {
                measurements.Final(segment++, span.End, root.TryGetProperty("text", out var said) ? said.GetString() ?? "" : "");
            }
            else
            {
                measurements.Partial(segment, span.Start, span.End);
            }
        }
    }

    /// <summary>First start and last end (seconds) of the result's token timestamps, if it has any.</summary>
    private static (double Start, double End)? TokenSpan(JsonElement root)
    {
        if (!root.TryGetProperty("timestamp", out var stamps))
        {
            return null;
        }

        // FunASR sends the pairs either as a JSON array or as that array written into a string.
        using var parsed = stamps.ValueKind == JsonValueKind.String && stamps.GetString() is { Length: > 0 } text ? JsonDocument.Parse(text) : null;
        var pairs = parsed?.RootElement ?? stamps;
        if (pairs.ValueKind != JsonValueKind.Array || pairs.GetArrayLength() == 0)
        {
            return null;
        }

        var first = pairs[0];
        var last = pairs[pairs.GetArrayLength() - 1];
        return (first[0].GetDouble() / 1000, last[1].GetDouble() / 1000);
    }
}

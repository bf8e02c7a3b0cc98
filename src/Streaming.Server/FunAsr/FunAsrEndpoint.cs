using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Streaming.Server.Auth;
using Streaming.Server.Hosting;
using Streaming.Server.Sessions;

namespace Streaming.Server.FunAsr;

/// <summary>
/// <c>/ws/funasr</c> (and <see cref="FunAsrOptions.Path"/>): the FunASR runtime WebSocket protocol over the same
/// sessions as the hub, so existing FunASR clients work unchanged. A JSON start message, binary PCM16, then
/// <c>{"is_speaking": false}</c>, with <c>"is_end": true</c> from clients that wait for the end-of-input
/// acknowledgement. Subprotocol <c>binary</c> is accepted when offered.
/// </summary>
public sealed class FunAsrEndpoint(SessionRegistry registry, FunAsrAdmission admission, IOptions<ServerOptions> options)
{
    /// <summary>The subprotocol FunASR clients offer.</summary>
    public const string SubProtocol = "binary";

    private readonly int _maxMessage = options.Value.MaxAudioMessageBytes;

    /// <summary>Serves one connection.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(
                detail: "This endpoint speaks the FunASR WebSocket protocol; connect with a WebSocket client.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        if (admission.HasRejectedToken(context))
        {
            await Results.Problem(detail: "The token is not valid.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }

        var subProtocol = context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol) ? SubProtocol : null;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(subProtocol);
        var buffer = ArrayPool<byte>.Shared.Rent(_maxMessage + 1);
        try
        {
            await ServeAsync(context, socket, buffer);
        }
        catch (WebSocketException)
        {
            // The client went away; the session (if any) was finished below.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ServeAsync(HttpContext context, WebSocket socket, byte[] buffer)
    {
        var aborted = context.RequestAborted;
        var first = await ReceiveAsync(socket, buffer, aborted);
        if (first.Type != WebSocketMessageType.Text)
        {
            await RefuseAsync(socket, first.Type == WebSocketMessageType.Close ? null : "The first message must be the JSON start message.");
            return;
        }

        FunAsrStartMessage start;
        LiveSession session;
        try
        {
            var owner = await admission.OwnerAsync(context, buffer.AsMemory(0, first.Length));
            start = FunAsrStartMessage.Parse(buffer.AsSpan(0, first.Length));
            session = registry.Start(owner, start.ToSessionRequest());
        }
        catch (Exception ex) when (ex is SessionRefusedException or UnauthorizedAccessException)
        {
            await RefuseAsync(socket, ex.Message);
            return;
        }

        var sink = new FunAsrSocketSink(socket, start, context.Connection.Id);
        session.Subscribe(sink);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(session.Ended, aborted);
        try
        {
            while (true)
            {
                var message = await ReceiveAsync(socket, buffer, stop.Token);
                if (message.Type == WebSocketMessageType.Close)
                {
                    break;
                }

                if (message.Type == WebSocketMessageType.Binary || message.Length > _maxMessage)
                {
                    if (!await session.WriteAudioAsync(buffer.AsMemory(0, message.Length).ToArray(), stop.Token))
                    {
                        break;
                    }
                }
                else if (IsEndOfSpeech(buffer.AsSpan(0, message.Length), out var acknowledge))
                {
                    sink.EndOfAudio(acknowledge);
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The session ended with an error the sink reports, or the client left.
        }
        finally
        {
            // Also when the socket failed: the session must not wait for its idle timeout.
            session.Finish();
        }

        await session.Completion;
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
    }

    // Reads one whole message; a message longer than the limit is reported with Length = limit + 1.
    private async Task<(WebSocketMessageType Type, int Length)> ReceiveAsync(WebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            var room = Math.Max(1, _maxMessage + 1 - length);
            var result = await socket.ReceiveAsync(buffer.AsMemory(Math.Min(length, _maxMessage), room), cancellationToken);
            length = Math.Min(length + result.Count, _maxMessage + 1);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, length);
            }
        }
    }

    // {"is_speaking": false} ends the input; "is_end": true asks for the end-of-input acknowledgement.
    private static bool IsEndOfSpeech(ReadOnlySpan<byte> json, out bool acknowledge)
    {
        acknowledge = false;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("is_speaking", out var speaking) || speaking.ValueKind != JsonValueKind.False)
            {
                return false;
            }

            acknowledge = root.TryGetProperty("is_end", out var end) && end.ValueKind == JsonValueKind.True;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task RefuseAsync(WebSocket socket, string? reason)
    {
        if (reason is not null)
        {
            var error = JsonSerializer.SerializeToUtf8Bytes(new FunAsrResult { IsFinal = true, Error = "refused", Message = reason });
            await socket.SendAsync(error, WebSocketMessageType.Text, true, CancellationToken.None);
        }

        // Close reasons are limited to 123 bytes; the full reason went in the message above.
        var status = Encoding.UTF8.GetByteCount(reason ?? "") <= 123 ? reason : "refused";
        await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, status, CancellationToken.None);
    }
}

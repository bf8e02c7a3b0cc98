using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Streaming.Protocol;
using Streaming.Server.Sessions;

namespace Streaming.Server.FunAsr;

/// <summary>
/// Writes a session's events to a FunASR client. Online results carry the text added since the previous
/// one (FunASR clients append them); offline results carry the segment's final text. Finals that come
/// after the client's <c>is_speaking: false</c> are held so the last one can carry <c>is_final: true</c>,
/// which is what older FunASR clients wait for before closing. Clients that ended their input with
/// <c>"is_end": true</c> get, after that, the end-of-input acknowledgement current FunASR clients wait for:
/// <c>{"is_end": true, "is_final": true}</c>, or <c>"is_final": false</c> with the error when the session failed.
/// </summary>
public sealed class FunAsrSocketSink(WebSocket socket, FunAsrStartMessage start, string connectionId) : ISessionEventSink
{
    private FunAsrResult? _held;
    private string _online = "";
    private volatile bool _endOfAudio;
    private volatile bool _acknowledge;

    /// <inheritdoc />
    public string ConnectionId => connectionId;

    /// <summary>The client sent <c>is_speaking: false</c>; <paramref name="acknowledge"/>: with <c>is_end: true</c>.</summary>
    public void EndOfAudio(bool acknowledge)
    {
        _acknowledge = acknowledge;
        _endOfAudio = true;
    }

    /// <inheritdoc />
    public async Task SendAsync(OutgoingEvent item, CancellationToken cancellationToken)
    {
        switch (item.Payload)
        {
            case TranscriptResult { Kind: ResultKinds.Partial } hypothesis when start.Mode != "offline":
                var text = hypothesis.Text.Trim();
                if (text.Length > _online.Length && text.StartsWith(_online, StringComparison.Ordinal))
                {
                    var added = text[_online.Length..];
                    _online = text;
                    await WriteAsync(Result(start.Mode == "2pass" ? "2pass-online" : "online", added, hypothesis), cancellationToken).ConfigureAwait(false);
                }

                break;
            case TranscriptResult { Kind: ResultKinds.Final } final:
                _online = "";
                var result = Result(start.Mode == "2pass" ? "2pass-offline" : start.Mode, (final.ItnText ?? final.Text).Trim(), final);
                if (_endOfAudio)
                {
                    if (_held is not null)
                    {
                        await WriteAsync(_held, cancellationToken).ConfigureAwait(false);
                    }

                    _held = result;
                }
                else
                {
                    await WriteAsync(result, cancellationToken).ConfigureAwait(false);
                }

                break;
            case KeywordSpotted spotted:
                await SendJsonAsync(
                    new FunAsrKeywordMessage
                    {
                        WavName = start.WavName,
                        SessionId = spotted.SessionId,
                        Keyword = spotted.Keyword,
                        Start = (long)Math.Round(spotted.Start * 1000),
                        End = (long)Math.Round(spotted.End * 1000),
                        Confidence = spotted.Confidence,
                        Role = spotted.Role,
                    },
                    cancellationToken).ConfigureAwait(false);
                break;
            case SessionError error:
                if (_held is not null)
                {
                    await WriteAsync(_held, cancellationToken).ConfigureAwait(false);
                }

                _held = new FunAsrResult { Mode = start.Mode, WavName = start.WavName, IsFinal = true, Error = error.Code, Message = error.Message };
                break;
        }
    }

    /// <inheritdoc />
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var last = _held ?? new FunAsrResult { Mode = start.Mode == "2pass" ? "2pass-offline" : start.Mode, WavName = start.WavName };
        _held = null;
        await WriteAsync(new FunAsrResult
        {
            Mode = last.Mode,
            WavName = last.WavName,
            Text = last.Text,
            IsFinal = true,
            Timestamp = last.Timestamp,
            Error = last.Error,
            Message = last.Message,
        }, cancellationToken).ConfigureAwait(false);
        if (_acknowledge)
        {
            await WriteAsync(new FunAsrResult
            {
                Mode = start.Mode,
                WavName = start.WavName,
                IsFinal = last.Error is null,
                IsEnd = true,
                Error = last.Error,
                Message = last.Message,
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a result to the client.</summary>
    public Task WriteAsync(FunAsrResult result, CancellationToken cancellationToken) => SendJsonAsync(result, cancellationToken);

    private Task SendJsonAsync<T>(T message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private FunAsrResult Result(string mode, string text, TranscriptResult source) => new()
    {
        Mode = mode,
        WavName = start.WavName,
        Text = text,
        Timestamp = "[" + string.Join(",", source.Tokens.Select(t => string.Create(CultureInfo.InvariantCulture, $"[{Math.Round(t.Start * 1000)},{Math.Round(t.End * 1000)}]"))) + "]",
    };
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Streaming.Protocol;

namespace Streaming.Client;

/// <summary>
/// A connection to the Streaming server's transcription hub. Start a session and stream audio to it, or
/// subscribe to someone else's session; events of every session this connection watches arrive through
/// the C# events below (on SignalR's callback thread, in order).
/// </summary>
public sealed class TranscriptionClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, int> _received = new();

    /// <summary>Prepares a connection to <paramref name="serverUrl"/> (e.g. <c>http://localhost:7860</c>).</summary>
    /// <param name="serverUrl">Server base address; the hub path is appended.</param>
    /// <param name="token">JWT from <c>streaming token</c>; null when the server runs without auth.</param>
    /// <param name="useMessagePack">Use the MessagePack hub protocol instead of JSON.</param>
    public TranscriptionClient(Uri serverUrl, string? token = null, bool useMessagePack = false)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(serverUrl, HubNames.HubPath), o =>
        {
            if (token is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        });
        if (useMessagePack)
        {
            builder.AddMessagePackProtocol();
        }

        _connection = builder.Build();
        _connection.On<SpeechStarted>(HubNames.SpeechStarted, e => Received(e.SessionId, e, SpeechStarted));
        _connection.On<TranscriptResult>(HubNames.Partial, e => Received(e.SessionId, e, Partial));
        _connection.On<TranscriptResult>(HubNames.Final, e => Received(e.SessionId, e, Final));
        _connection.On<SpeechEnded>(HubNames.SpeechEnded, e => Received(e.SessionId, e, SpeechEnded));
        _connection.On<KeywordSpotted>(HubNames.KeywordSpotted, e => Received(e.SessionId, e, KeywordSpotted));
        _connection.On<SessionError>(HubNames.Error, e => Received(e.SessionId, e, Error));
        _connection.Closed += ex =>
        {
            Closed?.Invoke(ex);
            return Task.CompletedTask;
        };
    }

    /// <summary>A segment opened.</summary>
    public event Action<SpeechStarted>? SpeechStarted;

    /// <summary>A partial hypothesis.</summary>
    public event Action<TranscriptResult>? Partial;

    /// <summary>A segment's final result.</summary>
    public event Action<TranscriptResult>? Final;

    /// <summary>A segment closed.</summary>
    public event Action<SpeechEnded>? SpeechEnded;

    /// <summary>A session ended with an error, or this viewer was dropped.</summary>
    public event Action<SessionError>? Error;

    /// <summary>A keyword of the session's list was spotted.</summary>
    public event Action<KeywordSpotted>? KeywordSpotted;

    /// <summary>The connection closed; the exception says why when it was not asked for.</summary>
    public event Action<Exception?>? Closed;

    /// <summary>Whether the connection is up.</summary>
    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    /// <summary>Connects (throws <see cref="HttpRequestException"/> 401 when the token is missing or invalid).</summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default) => _connection.StartAsync(cancellationToken);

    /// <summary>Opens a session; throws <see cref="Microsoft.AspNetCore.SignalR.HubException"/> with the server's reason when refused.</summary>
    public async Task<string> StartSessionAsync(SessionRequest request, CancellationToken cancellationToken = default) =>
        (await OpenSessionAsync(request, cancellationToken).ConfigureAwait(false)).SessionId;

    /// <summary>
    /// Opens a session and returns the server's whole answer: id, device, and the language and model serving it.
    /// Throws <see cref="Microsoft.AspNetCore.SignalR.HubException"/> with the server's reason when refused.
    /// </summary>
    public Task<SessionStarted> OpenSessionAsync(SessionRequest request, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync<SessionStarted>("StartSession", request, cancellationToken);

    /// <summary>
    /// Streams audio messages; completes when the session is finalised and this client's handlers have seen
    /// every event the server sent for it (the last final and any error included).
    /// </summary>
    public async Task<StreamCompleted> SendAudioAsync(string sessionId, IAsyncEnumerable<byte[]> audio, CancellationToken cancellationToken = default)
    {
        var completed = await _connection.InvokeAsync<StreamCompleted>("SendAudio", sessionId, audio, cancellationToken).ConfigureAwait(false);

        // The invocation's result can overtake the events sent before it, which are dispatched separately.
        while (_received.GetValueOrDefault(sessionId) < completed.Events && _connection.State == HubConnectionState.Connected)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }

        return completed;
    }

    /// <summary>Opens a session for a WAV file and streams it; returns the session id once every final arrived.</summary>
    public async Task<string> TranscribeFileAsync(
        string path,
        SessionRequest? request = null,
        bool paced = true,
        int chunkMs = 100,
        CancellationToken cancellationToken = default)
    {
        var source = new WavAudioSource(path);
        request ??= new SessionRequest();
        request.SampleRate = source.SampleRate;
        request.Codec = AudioCodecNames.Pcm16;
        var sessionId = await StartSessionAsync(request, cancellationToken).ConfigureAwait(false);
        await SendAudioAsync(sessionId, source.ReadAsync(chunkMs, paced, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return sessionId;
    }

    /// <summary>Watches a session (its owner, or a token with a viewer claim for it).</summary>
    public Task SubscribeAsync(string sessionId, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync("Subscribe", sessionId, cancellationToken);

    /// <summary>Stops watching a session.</summary>
    public Task UnsubscribeAsync(string sessionId, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync("Unsubscribe", sessionId, cancellationToken);

    /// <summary>Closes the connection; sessions it owns are finalised by the server.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _connection.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Received<T>(string sessionId, T payload, Action<T>? handler)
    {
        handler?.Invoke(payload);
        _received.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
    }
}

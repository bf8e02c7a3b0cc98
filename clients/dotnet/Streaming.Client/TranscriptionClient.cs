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
        _connection.On<SpeechStarted>(HubNames.SpeechStarted, e => SpeechStarted?.Invoke(e));
        _connection.On<TranscriptResult>(HubNames.Partial, e => Partial?.Invoke(e));
        _connection.On<TranscriptResult>(HubNames.Final, e => Final?.Invoke(e));
        _connection.On<SpeechEnded>(HubNames.SpeechEnded, e => SpeechEnded?.Invoke(e));
        _connection.On<SessionError>(HubNames.Error, e => Error?.Invoke(e));
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

    /// <summary>The connection closed; the exception says why when it was not asked for.</summary>
    public event Action<Exception?>? Closed;

    /// <summary>Whether the connection is up.</summary>
    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    /// <summary>Connects (throws <see cref="HttpRequestException"/> 401 when the token is missing or invalid).</summary>
    public Task ConnectAsync(CancellationToken cancellationToken = default) => _connection.StartAsync(cancellationToken);

    /// <summary>Opens a session; throws <see cref="Microsoft.AspNetCore.SignalR.HubException"/> with the server's reason when refused.</summary>
    public async Task<string> StartSessionAsync(SessionRequest request, CancellationToken cancellationToken = default) =>
        (await _connection.InvokeAsync<SessionStarted>("StartSession", request, cancellationToken).ConfigureAwait(false)).SessionId;

    /// <summary>Streams audio messages; completes when the server has delivered every final of the session.</summary>
    public Task SendAudioAsync(string sessionId, IAsyncEnumerable<byte[]> audio, CancellationToken cancellationToken = default) =>
        _connection.InvokeAsync("SendAudio", sessionId, audio, cancellationToken);

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
        await SendAudioAsync(sessionId, source.ReadAsync(chunkMs, paced, cancellationToken), cancellationToken).ConfigureAwait(false);
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
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Streaming.Protocol;
using Streaming.Server.Auth;
using Streaming.Server.Jobs;
using Streaming.Server.ScaleOut;
using Streaming.Server.Sessions;

namespace Streaming.Server.Hubs;

/// <summary>
/// The SignalR hub at <c>/hubs/transcription</c> (contract in docs/protocol.md): start a session, stream its
/// audio, watch sessions. Refusals arrive as hub errors with a specific message; problems during a
/// session arrive as <c>error</c> events.
/// </summary>
[Authorize(Policy = StreamingClaims.ClientPolicy)]
public sealed class TranscriptionHub(
    SessionRegistry registry, SessionAccess access, IHubContext<TranscriptionHub> hubContext, ISessionDirectory directory) : Hub
{
    private const string OwnedSessionsKey = "owned-sessions";

    /// <summary>Opens a session owned by the caller; the calling connection receives its events.</summary>
    public SessionStarted StartSession(SessionRequest request)
    {
        LiveSession session;
        try
        {
            session = registry.Start(Owner(), request ?? throw new HubException("StartSession needs a request."));
        }
        catch (SessionRefusedException ex)
        {
            throw new HubException(ex.Message);
        }

        session.Subscribe(new HubConnectionSink(hubContext, Context.ConnectionId));
        OwnedSessions()[session.Id] = true;
        return new SessionStarted { SessionId = session.Id, Device = session.Plan.Device, Language = session.Plan.Language, Model = session.Plan.Model };
    }

    /// <summary>
    /// Streams the session's audio; returns once the stream ended and every final was delivered, or the
    /// session ended with an error event (overload, idle timeout, oversize message). The result counts the
    /// events this connection was sent, so the client can wait for all of them.
    /// </summary>
    public async Task<StreamCompleted> SendAudio(string sessionId, IAsyncEnumerable<byte[]> audio)
    {
        var session = Find(sessionId);
        if (session.Owner != Owner())
        {
            throw new HubException($"Only the owner of session {sessionId} may send audio to it.");
        }

        if (!session.TryClaimStream())
        {
            throw new HubException($"Session {sessionId} already has an audio stream.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(session.Ended, Context.ConnectionAborted);
        try
        {
            await foreach (var message in audio.WithCancellation(stop.Token))
            {
                if (!await session.WriteAudioAsync(message, stop.Token))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The session ended (its error event says why) or the client left.
        }
        finally
        {
            // Also when the client's stream failed: the session must not wait for its idle timeout.
            session.Finish();
        }

        await session.Completion.WaitAsync(Context.ConnectionAborted);
        return new StreamCompleted { SessionId = sessionId, AudioSeconds = session.AudioSeconds, Events = session.DeliveredTo(Context.ConnectionId) };
    }

    /// <summary>
    /// Starts sending the events of a session to this connection (owner or viewer claim required). A session
    /// running on another node (scale-out) is watched through its SignalR group on the backplane.
    /// </summary>
    public async Task Subscribe(string sessionId)
    {
        if (registry.Find(sessionId) is not { } session)
        {
            var owner = await directory.OwnerOfAsync(sessionId)
                ?? throw new HubException($"Session {sessionId} was not found; it may have ended.");
            EnsureMayWatch(sessionId, owner);
            await Groups.AddToGroupAsync(Context.ConnectionId, SessionGroups.For(sessionId));
            return;
        }

        EnsureMayWatch(sessionId, session.Owner);
        if (!session.Subscribe(new HubConnectionSink(hubContext, Context.ConnectionId)))
        {
            throw new HubException($"Session {sessionId} has ended.");
        }
    }

    /// <summary>Starts sending <c>jobProgress</c> events of batch job <paramref name="jobId"/> to this connection.</summary>
    public async Task SubscribeJob(string jobId)
    {
        if (string.IsNullOrWhiteSpace(jobId) || jobId.Length > 64)
        {
            throw new HubException("SubscribeJob needs a job id.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubJobProgressSink.GroupFor(jobId));
    }

    /// <summary>Stops sending the progress events of a batch job to this connection.</summary>
    public Task UnsubscribeJob(string jobId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubJobProgressSink.GroupFor(jobId));

    /// <summary>Stops sending the events of a session to this connection.</summary>
    public async Task Unsubscribe(string sessionId)
    {
        registry.Find(sessionId)?.Unsubscribe(Context.ConnectionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, SessionGroups.For(sessionId));
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        var owned = OwnedSessions();
        foreach (var session in registry.Sessions)
        {
            session.Unsubscribe(Context.ConnectionId);
            if (owned.ContainsKey(session.Id))
            {
                // Viewers still get the finals of what the owner had sent.
                session.Finish();
            }
        }

        return base.OnDisconnectedAsync(exception);
    }

    private void EnsureMayWatch(string sessionId, string owner)
    {
        if (!access.MayWatch(Context.User, sessionId, owner))
        {
            throw new HubException($"You may not watch session {sessionId}: it is not yours and your token has no viewer claim for it.");
        }
    }

    private LiveSession Find(string sessionId) =>
        registry.Find(sessionId) ?? throw new HubException($"Session {sessionId} was not found; it may have ended.");

    private string Owner()
    {
        try
        {
            return access.OwnerOf(Context.User);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    // Invocations of one connection may run in parallel, hence a concurrent set.
    private ConcurrentDictionary<string, bool> OwnedSessions()
    {
        lock (Context.Items)
        {
            if (Context.Items.TryGetValue(OwnedSessionsKey, out var value) && value is ConcurrentDictionary<string, bool> owned)
            {
                return owned;
            }

            var created = new ConcurrentDictionary<string, bool>();
            Context.Items[OwnedSessionsKey] = created;
            return created;
        }
    }
}

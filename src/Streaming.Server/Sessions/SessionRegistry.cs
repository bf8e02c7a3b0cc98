using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Pipeline;
using Streaming.Protocol;
using Streaming.Server.Hosting;
using Streaming.Server.ScaleOut;
using Streaming.Server.Telemetry;

namespace Streaming.Server.Sessions;

/// <summary>
/// The sessions running in this process. Starting one beyond <see cref="ServerOptions.MaxConcurrentSessions"/>
/// is refused at once (never queued); a session removes itself when it has delivered its last event.
/// </summary>
public sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<string, LiveSession> _sessions = new();
    private readonly Lock _admission = new();
    private readonly EngineHost _engine;
    private readonly ServerOptions _options;
    private readonly StreamingMetrics _metrics;
    private readonly ILogger<LiveSession> _logger;
    private readonly ISessionDirectory _directory;

    /// <summary>Creates the registry and registers its gauges.</summary>
    public SessionRegistry(
        EngineHost engine, IOptions<ServerOptions> options, StreamingMetrics metrics, ILogger<LiveSession> logger, ISessionDirectory directory)
    {
        _directory = directory;
        _engine = engine;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        metrics.Observe(
            () => engine.Devices.Select(d => KeyValuePair.Create(d, _sessions.Values.Count(s => s.Plan.Device == d))),
            () => _sessions.Values.Sum(s => (long)s.QueuedPackets),
            () => _sessions.Values.Sum(s => (long)s.SubscriberQueueDepth));
        metrics.ObserveModels(() => engine.IsReady
            ? engine.Devices.SelectMany(d => engine.EngineFor(d).Recognizers.Select(r => (r.Info.Name, d, r.MemoryBytes)))
            : []);
        metrics.ObserveSessionState(() => _sessions.Values.Select(s => (s.InSpeech, s.StateBytes)));
        metrics.ObservePartialScheduling(() => engine.IsReady
            ? engine.Devices.Select(d => (Device: d, Scheduler: engine.EngineFor(d).Partials)).Select(e => (e.Device, e.Scheduler.Running, e.Scheduler.Waiting))
            : []);
    }

    /// <summary>Raised after a session was started.</summary>
    public event Action<LiveSession>? Started;

    /// <summary>Sessions running now.</summary>
    public int Count => _sessions.Count;

    /// <summary>The running sessions.</summary>
    public IReadOnlyCollection<LiveSession> Sessions => (IReadOnlyCollection<LiveSession>)_sessions.Values;

    /// <summary>
    /// Validates <paramref name="request"/> and starts a session owned by <paramref name="owner"/>;
    /// throws <see cref="SessionRefusedException"/> with the reason when it cannot.
    /// </summary>
    /// <param name="owner">Who may send audio and watch it.</param>
    /// <param name="request">What the client asked for.</param>
    /// <param name="id">The session id an ingress already announced (SIP); null for a new one.</param>
    public LiveSession Start(string owner, SessionRequest request, string? id = null)
    {
        var plan = new SessionRequestValidator(_options, _engine.Models, _engine.Devices).Validate(request);
        var engine = _engine.EngineFor(plan.Device);
        id ??= Guid.NewGuid().ToString("N");
        LiveSession session;
        lock (_admission)
        {
            if (_sessions.Count >= _options.MaxConcurrentSessions)
            {
                _metrics.SessionRefused();
                throw new SessionRefusedException(
                    $"The server is at its limit of {_options.MaxConcurrentSessions} concurrent sessions; try again later.");
            }

            if (_sessions.ContainsKey(id))
            {
                throw new SessionRefusedException($"Session {id} already exists.");
            }

            session = new LiveSession(id, owner, plan, CreatePipeline(engine, plan), _options, _metrics, _logger);
            _sessions[id] = session;
            _ = session.Completion.ContinueWith(
                _ => _sessions.TryRemove(id, out var _),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        _directory.Announce(session);
        Started?.Invoke(session);
        return session;
    }

    // Building the pipeline parses the session's hotword and keyword lists and spells them in the model's tokens; a
    // phrase the model cannot spell (a digit in a Mandarin phrase) refuses the session, naming it.
    private static SessionPipeline CreatePipeline(SpeechEngine engine, SessionPlan plan)
    {
        try
        {
            return engine.RecognizerFor(plan.Model).Sessions.Create(plan.Settings);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new SessionRefusedException(ex.Message, ex);
        }
    }

    /// <summary>The running session with this id, if any.</summary>
    public LiveSession? Find(string sessionId) => _sessions.GetValueOrDefault(sessionId);

    /// <summary>
    /// Finalises every running session with <paramref name="code"/> and waits (at most
    /// <paramref name="timeout"/>) until their finals were delivered.
    /// </summary>
    public async Task FinishAllAsync(string code, string message, TimeSpan timeout)
    {
        var sessions = _sessions.Values.ToArray();
        foreach (var session in sessions)
        {
            session.Finish(code, message);
        }

        await Task.WhenAll(sessions.Select(s => s.Completion)).WaitAsync(timeout).ConfigureAwait(false);
    }
}

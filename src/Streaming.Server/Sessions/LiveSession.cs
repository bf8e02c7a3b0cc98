using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Streaming.Pipeline;
using Streaming.Protocol;
using Streaming.Server.Hosting;
using Streaming.Server.Telemetry;

namespace Streaming.Server.Sessions;

/// <summary>
/// One running session: its pipeline, the task that fans its events out to subscribers, its idle timer.
/// It ends once, through <see cref="Finish"/> (end of audio, error, disconnect, shutdown): the pipeline is
/// drained so open segments still get their finals, every subscriber receives them, then the error that
/// ended the session (if any), and only then does <see cref="Completion"/> complete.
/// </summary>
public sealed class LiveSession
{
    private readonly SessionPipeline _pipeline;
    private readonly ServerOptions _options;
    private readonly StreamingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Subscriber> _subscribers = new();
    private readonly ArrivalClock _clock = new();
    private readonly CancellationTokenSource _ended = new();
    private readonly ITimer _idle;
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly Lock _subscribersLock = new();
    private bool _delivering = true;
    private SessionError? _reason;
    private int _streamClaimed;
    private int _finished;

    /// <summary>Starts fanning out the pipeline's events.</summary>
    public LiveSession(
        string id,
        string owner,
        SessionPlan plan,
        SessionPipeline pipeline,
        ServerOptions options,
        StreamingMetrics metrics,
        ILogger logger)
    {
        Id = id;
        Owner = owner;
        Plan = plan;
        _pipeline = pipeline;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        StartedAt = DateTimeOffset.UtcNow;
        var idle = TimeSpan.FromSeconds(options.IdleTimeoutSeconds);
        _idle = TimeProvider.System.CreateTimer(
            _ => Finish(ErrorCodes.IdleTimeout, $"No audio for {options.IdleTimeoutSeconds} s; the session was ended."),
            null,
            idle,
            Timeout.InfiniteTimeSpan);
        Completion = Task.Run(RunAsync);
    }

    /// <summary>Session id.</summary>
    public string Id { get; }

    /// <summary>Subject of the token that started it.</summary>
    public string Owner { get; }

    /// <summary>The validated request.</summary>
    public SessionPlan Plan { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Seconds of audio received.</summary>
    public double AudioSeconds => _clock.ReceivedSeconds;

    /// <summary>Connections watching it, the owner's included.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>Audio packets waiting in the pipeline.</summary>
    public int QueuedPackets => _pipeline.QueuedPackets;

    /// <summary>Bytes of state the session's pipeline holds (<see cref="SessionPipeline.StateBytes"/>).</summary>
    public long StateBytes => _pipeline.StateBytes;

    /// <summary>Whether speech is under way (a segment is open) rather than the session idling between segments.</summary>
    public bool InSpeech => _pipeline.InSpeech;

    /// <summary>Events waiting for subscribers.</summary>
    public int SubscriberQueueDepth => _subscribers.Values.Sum(s => s.QueueDepth);

    /// <summary>Cancelled when the session stops taking audio.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>Completes when every event, the last final included, has been delivered.</summary>
    public Task Completion { get; }

    /// <summary>True for the first caller only: a session has one audio stream.</summary>
    public bool TryClaimStream() => Interlocked.Exchange(ref _streamClaimed, 1) == 0;

    /// <summary>
    /// Hands one audio message to the pipeline. A full pipeline gets <see cref="ServerOptions.OverloadWaitMs"/>
    /// to make room (which also slows down clients that send faster than real time); after that, or for an
    /// oversize message, the session ends with an error event. False when the session takes no more audio.
    /// </summary>
    public async ValueTask<bool> WriteAudioAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (!Admits(message))
        {
            return false;
        }

        var result = _pipeline.TryWriteAudio(message);
        if (result == AudioWriteResult.Overloaded && _options.OverloadWaitMs > 0)
        {
            result = await WaitForRoomAsync(message, cancellationToken).ConfigureAwait(false);
        }

        return Settle(result, message, arrived);
    }

    /// <summary>
    /// Hands one audio message to the pipeline without waiting (ingresses that cannot be slowed down, such as
    /// RTP): a full pipeline ends the session with an overload error at once.
    /// </summary>
    public AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> message)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (!Admits(message))
        {
            return AudioWriteResult.Closed;
        }

        var result = _pipeline.TryWriteAudio(message);
        Settle(result, message, arrived);
        return result;
    }

    private bool Admits(ReadOnlyMemory<byte> message)
    {
        if (_ended.IsCancellationRequested)
        {
            return false;
        }

        if (message.Length > _options.MaxAudioMessageBytes)
        {
            Finish(ErrorCodes.MessageTooLarge, $"An audio message of {message.Length} bytes exceeds the limit of {_options.MaxAudioMessageBytes} bytes; the session was ended.");
            return false;
        }

        _idle.Change(TimeSpan.FromSeconds(_options.IdleTimeoutSeconds), Timeout.InfiniteTimeSpan);
        return true;
    }

    private bool Settle(AudioWriteResult result, ReadOnlyMemory<byte> message, long arrived)
    {
        switch (result)
        {
            case AudioWriteResult.Accepted:
                var seconds = Plan.DurationOf(message.Span);
                _clock.Arrived(seconds, arrived);
                _metrics.AudioReceived(seconds);
                _metrics.ChunkHandled(Stopwatch.GetElapsedTime(arrived));
                return true;
            case AudioWriteResult.Overloaded:
                Finish(ErrorCodes.Overloaded, $"The server cannot keep up with this session's audio ({_pipeline.QueuedPackets} packets queued); the session was ended.");
                return false;
            default:
                Finish();
                return false;
        }
    }

    /// <summary>Adds a watcher; false when the session has already finished delivering.</summary>
    public bool Subscribe(ISessionEventSink sink)
    {
        lock (_subscribersLock)
        {
            if (!_delivering)
            {
                return false;
            }

            if (!_subscribers.ContainsKey(sink.ConnectionId))
            {
                _subscribers[sink.ConnectionId] = new Subscriber(sink, _options.SubscriberQueueCapacity, _metrics, _logger);
            }

            return true;
        }
    }

    /// <summary>Events delivered to <paramref name="connectionId"/> (0 if it is not subscribed).</summary>
    public int DeliveredTo(string connectionId) => _subscribers.TryGetValue(connectionId, out var subscriber) ? subscriber.Delivered : 0;

    /// <summary>Removes a watcher (it unsubscribed or its connection left).</summary>
    public void Unsubscribe(string connectionId)
    {
        if (_subscribers.TryRemove(connectionId, out var subscriber))
        {
            subscriber.Stop();
        }
    }

    /// <summary>
    /// Stops taking audio and drains: open segments are finalised and delivered, then the error
    /// <paramref name="code"/> (if given). Only the first call counts.
    /// </summary>
    public void Finish(string? code = null, string? message = null)
    {
        if (Interlocked.Exchange(ref _finished, 1) == 1)
        {
            return;
        }

        if (code is not null)
        {
            _reason = new SessionError { SessionId = Id, Code = code, Message = message ?? code };
            _logger.LogInformation("Session {Session} ending: {Code} {Message}", Id, code, message);
        }

        _idle.Dispose();
        _ended.Cancel();
        _pipeline.Complete();
    }

    // Only while audio still flows: once the client has finished, draining the queue late is expected.
    private void RefuseIfBehind(TimeSpan latency)
    {
        if (_options.MaxResultLagMs > 0 && latency.TotalMilliseconds > _options.MaxResultLagMs && !_ended.IsCancellationRequested)
        {
            Finish(
                ErrorCodes.Overloaded,
                $"Results trail the audio by {latency.TotalSeconds:F1} s (limit {_options.MaxResultLagMs / 1000.0:F1} s): the server cannot keep up with this session; it was ended.");
        }
    }

    private async Task RunAsync()
    {
        using var activity = StreamingActivities.Source.StartActivity("session", ActivityKind.Server);
        activity?.SetTag("session.id", Id);
        activity?.SetTag("session.language", Plan.Language);
        activity?.SetTag("audio.codec", Plan.Settings.Format.Codec.ToString());
        activity?.SetTag("audio.sample_rate", Plan.Settings.Format.SampleRate);
        Activity? segment = null;
        try
        {
            await foreach (var pipelineEvent in _pipeline.Events.ReadAllAsync().ConfigureAwait(false))
            {
                segment = Trace(pipelineEvent, segment, activity);
                if (pipelineEvent is TranscriptEvent transcript && _clock.Since(transcript.End, Stopwatch.GetTimestamp()) is { } latency)
                {
                    _metrics.ResultLatency(transcript.IsFinal, latency, Plan.Device);
                    RefuseIfBehind(latency);
                }

                if (pipelineEvent is KeywordSpottedEvent spotted)
                {
                    _metrics.KeywordSpotted(spotted.Keyword, Plan.Role);
                    activity?.AddEvent(new ActivityEvent("keyword", tags: new ActivityTagsCollection { ["keyword"] = spotted.Keyword }));
                }

                Broadcast(SessionEventMapper.Map(Id, pipelineEvent, Plan.Role));
            }
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Session {Session} pipeline failed", Id);
            Finish(ErrorCodes.ProcessingFailed, $"The audio could not be processed: {ex.GetBaseException().Message}");
        }
        finally
        {
            segment?.Dispose();
        }

        Finish();
        if (_reason is { } reason)
        {
            activity?.SetStatus(ActivityStatusCode.Error, reason.Code);
            Broadcast(new OutgoingEvent(HubNames.Error, reason));
        }

        lock (_subscribersLock)
        {
            _delivering = false;
        }

        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Complete();
        }

        // A viewer that stalls must not hold the session open forever.
        var delivered = Task.WhenAll(_subscribers.Values.Select(s => s.Delivery));
        if (await Task.WhenAny(delivered, Task.Delay(TimeSpan.FromSeconds(Math.Max(1, _options.ShutdownFlushSeconds)))).ConfigureAwait(false) != delivered)
        {
            foreach (var subscriber in _subscribers.Values)
            {
                subscriber.Stop();
            }
        }

        await _pipeline.DisposeAsync().ConfigureAwait(false);
        _metrics.SessionEnded(Stopwatch.GetElapsedTime(_startTimestamp), AudioSeconds);
    }

    private async ValueTask<AudioWriteResult> WaitForRoomAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
        wait.CancelAfter(_options.OverloadWaitMs);
        try
        {
            await _pipeline.WriteAudioAsync(message, wait.Token).ConfigureAwait(false);
            return AudioWriteResult.Accepted;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_ended.IsCancellationRequested)
        {
            return AudioWriteResult.Overloaded;
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            return AudioWriteResult.Closed;
        }
    }

    private void Broadcast(OutgoingEvent item)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            if (!subscriber.Offer(item, Id))
            {
                _subscribers.TryRemove(subscriber.ConnectionId, out _);
            }
        }
    }

    private static Activity? Trace(PipelineEvent pipelineEvent, Activity? segment, Activity? session)
    {
        switch (pipelineEvent)
        {
            case SpeechStartedEvent started:
                segment?.Dispose();
                var next = StreamingActivities.Source.StartActivity("segment", ActivityKind.Internal, session?.Context ?? default);
                next?.SetTag("segment.id", started.SegmentIndex);
                return next;
            case TranscriptEvent { IsFinal: true } final:
                segment?.SetTag("segment.text_length", final.Text.Length);
                return segment;
            case SpeechEndedEvent:
                segment?.Dispose();
                return null;
            default:
                return segment;
        }
    }
}

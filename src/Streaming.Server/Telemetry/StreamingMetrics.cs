using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Streaming.Server.Hosting;

namespace Streaming.Server.Telemetry;

/// <summary>
/// The server's instruments, on the meter named by <see cref="TelemetryOptions.MeterName"/>. Gauges read live state through the callbacks
/// given to <see cref="Observe"/>, so they cost nothing between scrapes.
/// </summary>
public sealed class StreamingMetrics
{
    private readonly Meter _meter;
    private readonly Counter<double> _audioSeconds;
    private readonly Counter<long> _droppedPartials;
    private readonly Counter<long> _refusedSessions;
    private readonly Histogram<double> _chunkLatency;
    private readonly Histogram<double> _partialLatency;
    private readonly Histogram<double> _finalLatency;
    private readonly Histogram<double> _rtf;
    private readonly Counter<long> _keywords;
    private readonly BoundedLabels _keywordLabels;
    private readonly BoundedLabels _roleLabels = new(16);

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public StreamingMetrics(IMeterFactory meterFactory, IOptions<TelemetryOptions> options)
    {
        _meter = meterFactory.Create(options.Value.MeterName);
        _audioSeconds = _meter.CreateCounter<double>("streaming.audio.input", "s", "Seconds of audio received from clients.");
        _droppedPartials = _meter.CreateCounter<long>("streaming.partials.dropped", description: "Partials dropped for slow viewers.");
        _refusedSessions = _meter.CreateCounter<long>("streaming.sessions.refused", description: "Sessions refused at the concurrency limit.");
        _chunkLatency = _meter.CreateHistogram<double>("streaming.chunk.latency", "ms", "Time from an audio message's arrival to its hand-over to the pipeline.");
        _partialLatency = _meter.CreateHistogram<double>("streaming.partial.latency", "ms", "Time from the arrival of the audio a partial ends on to the partial.");
        _finalLatency = _meter.CreateHistogram<double>("streaming.final.latency", "ms", "Time from the arrival of the audio a final ends on to the final.");
        _keywords = _meter.CreateCounter<long>(
            "streaming.keywords.spotted", description: $"Keywords spotted, by keyword and speaker role (the first {options.Value.MaxKeywordLabels} keywords seen get their own label, later ones '{BoundedLabels.Other}').");
        _keywordLabels = new BoundedLabels(options.Value.MaxKeywordLabels);
        _rtf = _meter.CreateHistogram<double>("streaming.session.rtf", description: "Session wall-clock time over its audio duration (about 1 for live clients).");
    }

    /// <summary>Registers the gauges over live state; <paramref name="activeSessions"/> counts sessions per inference device.</summary>
    public void Observe(Func<IEnumerable<KeyValuePair<string, int>>> activeSessions, Func<long> pipelineQueueDepth, Func<long> subscriberQueueDepth)
    {
        _meter.CreateObservableUpDownCounter(
            "streaming.sessions.active",
            () => activeSessions().Select(d => new Measurement<int>(d.Value, new KeyValuePair<string, object?>("device", d.Key))),
            description: "Sessions running now, by inference device.");
        _meter.CreateObservableGauge("streaming.pipeline.queue.depth", pipelineQueueDepth, description: "Audio packets waiting in session pipelines.");
        _meter.CreateObservableGauge("streaming.subscriber.queue.depth", subscriberQueueDepth, description: "Events waiting for viewers.");
    }

    /// <summary>
    /// Registers the gauge of memory per loaded model: <paramref name="models"/> gives each loaded recogniser's
    /// name, device and the resident bytes its load added.
    /// </summary>
    public void ObserveModels(Func<IEnumerable<(string Model, string Device, long Bytes)>> models) =>
        _meter.CreateObservableGauge(
            "streaming.model.memory",
            () => models().Select(m => new Measurement<long>(
                m.Bytes, new KeyValuePair<string, object?>("model", m.Model), new KeyValuePair<string, object?>("device", m.Device))),
            "By",
            "Resident memory each loaded recogniser added when it loaded, by model and device.");

    /// <summary>
    /// Registers the gauges of memory per session: <paramref name="sessions"/> gives, for each running session,
    /// whether it is inside a speech segment and the bytes of state its pipeline holds. Both gauges report both
    /// states, zero included, so a scrape after the last session shows them fall back.
    /// </summary>
    public void ObserveSessionState(Func<IEnumerable<(bool InSpeech, long Bytes)>> sessions)
    {
        _meter.CreateObservableGauge(
            "streaming.session.state",
            () => ByState(sessions(), s => s.Bytes),
            "By",
            "Bytes of state held by running sessions (VAD and recogniser buffers and caches), by state: active (in speech) or idle.");
        _meter.CreateObservableGauge(
            "streaming.sessions.by_state",
            () => ByState(sessions(), _ => 1L),
            description: "Running sessions by state: active (in speech) or idle (between speech segments).");
    }

    /// <summary>
    /// Registers the gauges of the partial schedulers: <paramref name="schedulers"/> gives, per inference device, the
    /// decodes holding a slot and the sessions queued for one, so a scrape shows when partials are being thinned.
    /// </summary>
    public void ObservePartialScheduling(Func<IEnumerable<(string Device, int Running, int Waiting)>> schedulers)
    {
        _meter.CreateObservableGauge(
            "streaming.partials.running",
            () => schedulers().Select(s => new Measurement<int>(s.Running, new KeyValuePair<string, object?>("device", s.Device))),
            description: "Partial and final re-decodes holding a partial-scheduler slot now, by inference device.");
        _meter.CreateObservableGauge(
            "streaming.partials.waiting",
            () => schedulers().Select(s => new Measurement<int>(s.Waiting, new KeyValuePair<string, object?>("device", s.Device))),
            description: "Sessions queued for a partial-decode slot now, by inference device: above zero, partials are being spaced out.");
    }

    /// <summary>Audio received.</summary>
    public void AudioReceived(double seconds) => _audioSeconds.Add(seconds);

    /// <summary>A slow viewer lost a partial.</summary>
    public void PartialDropped() => _droppedPartials.Add(1);

    /// <summary>A session was refused at the limit.</summary>
    public void SessionRefused() => _refusedSessions.Add(1);

    /// <summary>Hand-over time of one audio message.</summary>
    public void ChunkHandled(TimeSpan latency) => _chunkLatency.Record(latency.TotalMilliseconds);

    /// <summary>Latency of a partial or final of a session on <paramref name="device"/>.</summary>
    public void ResultLatency(bool isFinal, TimeSpan latency, string device) =>
        (isFinal ? _finalLatency : _partialLatency).Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("device", device));

    /// <summary>A keyword was spotted in a session whose speaker has <paramref name="role"/> (null for none).</summary>
    public void KeywordSpotted(string keyword, string? role) => _keywords.Add(
        1,
        new KeyValuePair<string, object?>("keyword", _keywordLabels.For(keyword)),
        new KeyValuePair<string, object?>("role", role is null ? "none" : _roleLabels.For(role)));

    private static Measurement<long>[] ByState(IEnumerable<(bool InSpeech, long Bytes)> sessions, Func<(bool InSpeech, long Bytes), long> value)
    {
        long active = 0, idle = 0;
        foreach (var session in sessions)
        {
            if (session.InSpeech)
            {
                active += value(session);
            }
            else
            {
                idle += value(session);
            }
        }

        return
        [
            new Measurement<long>(active, new KeyValuePair<string, object?>("state", "active")),
            new Measurement<long>(idle, new KeyValuePair<string, object?>("state", "idle")),
        ];
    }

    /// <summary>A session ended after <paramref name="wall"/> with <paramref name="audioSeconds"/> of audio.</summary>
    public void SessionEnded(TimeSpan wall, double audioSeconds)
    {
        if (audioSeconds > 0)
        {
            _rtf.Record(wall.TotalSeconds / audioSeconds);
        }
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Asr.Vad;
using Streaming.Inference.Devices;
using Streaming.Pipeline;
using Streaming.Server.Sessions;
using Streaming.Text.Hotwords;

namespace Streaming.Server.Hosting;

/// <summary>
/// Loads one speech engine per inference device in the background at start-up, so the server answers
/// <c>/health/live</c> at once and <c>/health/ready</c> when the models are in memory. The first device is
/// the default; sessions may ask for any of the others (<c>Inference:SelectableDevices</c>).
/// </summary>
public sealed class EngineHost(
    IOptions<SpeechEngineOptions> engineOptions,
    IOptions<VadOptions> vadOptions,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<HotwordRescoreOptions> hotwordOptions,
    DeviceAdmin devices,
    ILogger<EngineHost> logger) : IHostedService, IDisposable
{
    private volatile IReadOnlyDictionary<string, SpeechEngine>? _engines;
    private readonly TaskCompletionSource<SpeechEngine> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Exception? _failure;
    private Task? _loading;

    /// <summary>True once the models are loaded on every device.</summary>
    public bool IsReady => _engines is not null;

    /// <summary>Why loading failed, if it did.</summary>
    public Exception? Failure => _failure;

    /// <summary>Devices sessions may run on, the default first.</summary>
    public IReadOnlyList<string> Devices { get; } = [.. devices.Backends.Select(b => b.Name)];

    /// <summary>The engine on the default device; throws <see cref="SessionRefusedException"/> while it is not ready.</summary>
    public SpeechEngine Engine => EngineFor(Devices[0]);

    /// <summary>Languages sessions may ask for: the recogniser's, plus "auto".</summary>
    public IReadOnlyList<string> Languages => Engine.RecognizerName is null ? [] : [engineOptions.Value.Language, "auto"];

    /// <summary>The engine on the default device once it is loaded; fails as loading did.</summary>
    public Task<SpeechEngine> WhenLoadedAsync(CancellationToken cancellationToken) => _loaded.Task.WaitAsync(cancellationToken);

    /// <summary>The engine on <paramref name="device"/> (one of <see cref="Devices"/>).</summary>
    /// <exception cref="SessionRefusedException">The engines are not loaded (yet), or the device is unknown.</exception>
    public SpeechEngine EngineFor(string device)
    {
        var engines = _engines ?? throw new SessionRefusedException(
            _failure is null
                ? "The server is still loading its models; try again in a moment."
                : $"The server could not load its models: {_failure.Message}");
        return engines.TryGetValue(device, out var engine)
            ? engine
            : throw new SessionRefusedException($"Device '{device}' is not available here; choose one of: {string.Join(", ", Devices)}.");
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loading = Task.Run(Load, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loading is not null)
        {
            await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var engine in _engines?.Values ?? [])
        {
            engine.Dispose();
        }
    }

    private void Load()
    {
        var loaded = new Dictionary<string, SpeechEngine>();
        try
        {
            foreach (var backend in devices.Backends)
            {
                var engine = SpeechEngine.Load(
                    engineOptions.Value,
                    vadOptions.Value,
                    pipelineOptions.Value,
                    hotwordOptions.Value,
                    message => logger.LogWarning("{Message}", message),
                    backend);
                loaded[backend.Name] = engine;
                logger.LogInformation("Models loaded on {Device}: recogniser {Recognizer}", backend.Name, engine.RecognizerName ?? "(none, VAD only)");
            }

            _engines = loaded;
            _loaded.TrySetResult(loaded[Devices[0]]);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Loading the models failed");
            foreach (var engine in loaded.Values)
            {
                engine.Dispose();
            }

            _failure = ex;
            _loaded.TrySetException(ex);
        }
    }
}

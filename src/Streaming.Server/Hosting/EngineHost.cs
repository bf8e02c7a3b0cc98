using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Asr.Vad;
using Streaming.Pipeline;
using Streaming.Text.Hotwords;
using Streaming.Server.Sessions;

namespace Streaming.Server.Hosting;

/// <summary>
/// Loads the speech engine in the background at start-up, so the server answers <c>/health/live</c> at
/// once and <c>/health/ready</c> when the models are in memory.
/// </summary>
public sealed class EngineHost(
    IOptions<SpeechEngineOptions> engineOptions,
    IOptions<VadOptions> vadOptions,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<HotwordRescoreOptions> hotwordOptions,
    ILogger<EngineHost> logger) : IHostedService, IDisposable
{
    private volatile SpeechEngine? _engine;
    private volatile Exception? _failure;
    private Task? _loading;

    /// <summary>True once the models are loaded.</summary>
    public bool IsReady => _engine is not null;

    /// <summary>Why loading failed, if it did.</summary>
    public Exception? Failure => _failure;

    /// <summary>The loaded engine; throws <see cref="SessionRefusedException"/> while it is not ready.</summary>
    public SpeechEngine Engine => _engine ?? throw new SessionRefusedException(
        _failure is null
            ? "The server is still loading its models; try again in a moment."
            : $"The server could not load its models: {_failure.Message}");

    /// <summary>Languages sessions may ask for: the recogniser's, plus "auto".</summary>
    public IReadOnlyList<string> Languages => Engine.RecognizerName is null ? [] : [engineOptions.Value.Language, "auto"];

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
    public void Dispose() => _engine?.Dispose();

    private void Load()
    {
        try
        {
            var engine = SpeechEngine.Load(
                engineOptions.Value,
                vadOptions.Value,
                pipelineOptions.Value,
                hotwordOptions.Value,
                message => logger.LogWarning("{Message}", message));
            logger.LogInformation("Models loaded: recogniser {Recognizer}", engine.RecognizerName ?? "(none, VAD only)");
            _engine = engine;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Loading the models failed");
            _failure = ex;
        }
    }
}

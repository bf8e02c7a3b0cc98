using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Asr.Text.Pinyin;
using Streaming.Asr.Vad;
using Streaming.Inference.Devices;
using Streaming.Pipeline;
using Streaming.Pipeline.Models;
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
    // The engines by device once loaded, or why loading failed: readiness and failure are read from it.
    private readonly TaskCompletionSource<IReadOnlyDictionary<string, SpeechEngine>> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loading;

    /// <summary>True once the models are loaded on every device.</summary>
    public bool IsReady => _loaded.Task.IsCompletedSuccessfully;

    /// <summary>Why loading failed, if it did.</summary>
    public Exception? Failure => _loaded.Task.Exception?.InnerException;

    /// <summary>Devices sessions may run on, the default first.</summary>
    public IReadOnlyList<string> Devices { get; } = [.. devices.Backends.Select(b => b.Name)];

    /// <summary>The engine on the default device; throws <see cref="SessionRefusedException"/> while it is not ready.</summary>
    public SpeechEngine Engine => EngineFor(Devices[0]);

    /// <summary>
    /// Resolves sessions' language and model choices against the recognisers loaded on the default device (every
    /// device loads the same ones); throws <see cref="SessionRefusedException"/> while they are not loaded.
    /// </summary>
    public ModelResolver Models => Engine.Models;

    /// <summary>
    /// The language and model serving a request (<c>auto</c> and absent values resolved), for ingresses that build
    /// their own requests (WHIP, SIP); a choice this server cannot serve is refused with the installed list.
    /// </summary>
    /// <exception cref="SessionRefusedException">The language or model is not served here, or the models are not loaded.</exception>
    public ModelChoice ResolveModel(string? language, string? model)
    {
        try
        {
            return Models.Resolve(language, model);
        }
        catch (ModelChoiceException ex)
        {
            throw new SessionRefusedException(ex.Message);
        }
    }

    /// <summary>The engine on the default device once it is loaded; fails as loading did.</summary>
    public async Task<SpeechEngine> WhenLoadedAsync(CancellationToken cancellationToken) =>
        (await _loaded.Task.WaitAsync(cancellationToken).ConfigureAwait(false))[Devices[0]];

    /// <summary>
    /// The engine on <paramref name="device"/>, one of <see cref="Devices"/> (a session's device was checked
    /// against them when its request was validated).
    /// </summary>
    /// <exception cref="SessionRefusedException">The engines are not loaded (yet).</exception>
    public SpeechEngine EngineFor(string device) => IsReady
        ? _loaded.Task.Result[device]
        : throw new SessionRefusedException(
            Failure is { } failure
                ? $"The server could not load its models: {failure.Message}"
                : "The server is still loading its models; try again in a moment.");

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
        foreach (var engine in IsReady ? _loaded.Task.Result.Values : [])
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
                logger.LogInformation(
                    "Models loaded on {Device}: recognisers {Recognizers}; default {Recognizer}",
                    backend.Name,
                    engine.Models.Describe(),
                    engine.RecognizerName ?? "(none, VAD only)");
            }

            LogPinyinTableCache();

            _loaded.TrySetResult(loaded);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Loading the models failed");
            foreach (var engine in loaded.Values)
            {
                engine.Dispose();
            }

            _loaded.TrySetException(ex);
        }
    }

    // A pinyin model converts through libpinyin, whose tables are read through the native table cache when it is built.
    private void LogPinyinTableCache()
    {
        if (PinyinTableCache.ContextsStarted == 0)
        {
            return;
        }

        if (PinyinTableCache.CachedTables > 0)
        {
            logger.LogInformation("libpinyin: {Tables} read-only tables opened with a whole-file page cache", PinyinTableCache.CachedTables);
        }
        else
        {
            logger.LogWarning(
                "libpinyin reads its tables through Berkeley DB's 256 KiB page cache, so conversion costs about twice the CPU: {Reason}",
                PinyinTableCache.Installed
                    ? "the table cache library loaded after libpinyin, or its limit (PinyinConverterOptions.TableCacheMiB) is 0"
                    : "libstreaming_pinyin_cache.so is not next to Streaming.Asr.dll (it builds when libdb5.3-dev is installed: scripts/setup-runtime.sh)");
        }
    }
}

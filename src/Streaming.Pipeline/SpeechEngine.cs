using Streaming.Asr;
using Streaming.Asr.Hotwords;
using Streaming.Asr.Keywords;
using Streaming.Asr.Text.Pinyin;
using Streaming.Asr.Vad;
using Streaming.Inference;
using Streaming.Pipeline.Models;
using Streaming.Text;
using Streaming.Text.Hotwords;

namespace Streaming.Pipeline;

/// <summary>
/// The process-wide recognition resources of one inference backend (device) — the VAD model and every
/// configured recogniser, each loaded once and shared by all sessions that use it — and the session
/// factories over them.
/// </summary>
public sealed class SpeechEngine : IDisposable
{
    private readonly SileroVadModel _vad;
    private readonly RecognizerSet _recognizers;
    private readonly SessionPipelineFactory _vadOnly;
    private IAcousticBackend? _ownedBackend;

    private SpeechEngine(SileroVadModel vad, RecognizerSet recognizers, SessionPipelineFactory vadOnly, HotwordService hotwords, KeywordService keywords, PartialScheduler partials)
    {
        Partials = partials;
        _vad = vad;
        _recognizers = recognizers;
        _vadOnly = vadOnly;
        Hotwords = hotwords;
        Keywords = keywords;
    }

    /// <summary>Builds session pipelines on the default model (that of the default language), or VAD-only ones when no recogniser is loaded.</summary>
    public SessionPipelineFactory Sessions => Default?.Sessions ?? _vadOnly;

    /// <summary>The scheduler every session of this engine takes partial-decode turns from.</summary>
    public PartialScheduler Partials { get; }

    /// <summary>The global hotword list merged into every session's, and the re-scorer of finals.</summary>
    public HotwordService Hotwords { get; }

    /// <summary>The global keyword list merged into every session's.</summary>
    public KeywordService Keywords { get; }

    /// <summary>The shared Silero VAD model (batch jobs segment whole files with it).</summary>
    public SileroVadModel VadModel => _vad;

    /// <summary>The default recogniser, or null in VAD-only mode.</summary>
    public IRecognizerModel? Recognizer => Default?.Model;

    /// <summary>The backend (device) every graph of this engine runs on.</summary>
    public IAcousticBackend Backend => _vad.Backend;

    /// <summary>Written style of Chinese ITN for sessions and jobs that name none (<see cref="SpeechEngineOptions.ItnStyle"/>).</summary>
    public ItnStyle ItnStyle { get; private init; }

    /// <summary>Name of the default recogniser, or null in VAD-only mode.</summary>
    public string? RecognizerName => Default?.Model.Name;

    /// <summary>Every loaded recogniser with its languages and memory.</summary>
    public IReadOnlyList<LoadedRecognizer> Recognizers => _recognizers.Loaded;

    /// <summary>Resolves a session's language and model against the loaded recognisers.</summary>
    public ModelResolver Models => _recognizers.Resolver;

    /// <summary>The loaded recogniser named <paramref name="model"/> (as resolved by <see cref="Models"/>).</summary>
    /// <exception cref="ModelChoiceException">It is not loaded.</exception>
    public LoadedRecognizer RecognizerFor(string model) => _recognizers.Get(model);

    private LoadedRecognizer? Default =>
        _recognizers.Resolver.DefaultFor(_recognizers.Resolver.DefaultLanguage) is { } name ? _recognizers.Get(name)
        : _recognizers.Loaded.FirstOrDefault();

    /// <summary>
    /// Loads everything the options name; errors say which file or setting is wrong, and a recogniser that loads
    /// but cannot run is refused (reported through <paramref name="log"/> and <see cref="ModelResolver.Unavailable"/>)
    /// while the others serve. <paramref name="log"/> also receives hotword-list loads and reload failures
    /// and keyword-list loads and reload failures (standard error when null). Graphs load on <paramref name="backend"/>, the shared CPU backend when null; the
    /// engine disposes it with itself only when <paramref name="ownsBackend"/> is set.
    /// </summary>
    public static SpeechEngine Load(
        SpeechEngineOptions options,
        VadOptions vadOptions,
        PipelineOptions pipelineOptions,
        HotwordRescoreOptions? hotwordOptions = null,
        Action<string>? log = null,
        IAcousticBackend? backend = null,
        bool ownsBackend = false)
    {
        options.Validate();
        vadOptions.Validate();
        pipelineOptions.Validate();
        log ??= Console.Error.WriteLine;
        var rescorer = new HotwordRescorer(hotwordOptions);
        var globalHotwords = string.IsNullOrEmpty(options.HotwordsFile)
            ? null
            : new HotwordFileSource(options.HotwordsFile, log);
        var keywords = new KeywordService(string.IsNullOrEmpty(options.KeywordsFile) ? null : new KeywordFileSource(options.KeywordsFile, log));
        var models = ModelDirectory.Locate(options.ModelsDirectory);
        var vad = new SileroVadModel(vadOptions.ModelPath ?? SileroVadModel.BundledPath(models), backend);
        try
        {
            var hotwords = new HotwordService(globalHotwords, rescorer);
            var itnStyle = ItnStyles.Parse(options.ItnStyle);
            var partials = new PartialScheduler(pipelineOptions.EffectivePartialSlots);
            var recognizers = RecognizerSet.Load(
                options,
                models,
                new RecognizerOptions
                {
                    DecodingMethod = options.DecodingMethod,
                    BeamSize = options.BeamSize,
                    HotwordBoost = options.HotwordBoost,
                    Pinyin = new PinyinConverterOptions
                    {
                        MaxConverters = options.EffectivePinyinConverters,
                        TableCacheMiB = options.PinyinTableCacheMiB,
                    },
                },
                vad.Backend,
                (recognizer, language) => new SessionPipelineFactory(
                    vad, vadOptions, recognizer, InverseTextNormalizer.For(language, itnStyle), pipelineOptions, hotwords, keywords, partials),
                log);
            var vadOnly = new SessionPipelineFactory(vad, vadOptions, null, null, pipelineOptions, hotwords, keywords, partials);
            return new SpeechEngine(vad, recognizers, vadOnly, hotwords, keywords, partials) { _ownedBackend = ownsBackend ? backend : null, ItnStyle = itnStyle };
        }
        catch
        {
            vad.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _recognizers.Dispose();
        _vad.Dispose();
        _ownedBackend?.Dispose();
    }
}

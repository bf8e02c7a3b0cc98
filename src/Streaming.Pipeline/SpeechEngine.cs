using Streaming.Asr;
using Streaming.Asr.Hotwords;
using Streaming.Asr.Vad;
using Streaming.Inference;
using Streaming.Text;
using Streaming.Text.Hotwords;

namespace Streaming.Pipeline;

/// <summary>
/// The process-wide recognition resources — VAD model, recogniser, ITN engine — loaded once from
/// options on one inference backend (device) and shared by every session through <see cref="Sessions"/>.
/// </summary>
public sealed class SpeechEngine : IDisposable
{
    private readonly SileroVadModel _vad;
    private readonly IRecognizerModel? _recognizer;
    private IAcousticBackend? _ownedBackend;

    private SpeechEngine(SileroVadModel vad, IRecognizerModel? recognizer, SessionPipelineFactory sessions, HotwordService hotwords)
    {
        _vad = vad;
        _recognizer = recognizer;
        Sessions = sessions;
        Hotwords = hotwords;
    }

    /// <summary>Builds session pipelines over the shared models.</summary>
    public SessionPipelineFactory Sessions { get; }

    /// <summary>The global hotword list merged into every session's, and the re-scorer of finals.</summary>
    public HotwordService Hotwords { get; }

    /// <summary>The shared Silero VAD model (batch jobs segment whole files with it).</summary>
    public SileroVadModel VadModel => _vad;

    /// <summary>The shared recogniser, or null in VAD-only mode.</summary>
    public IRecognizerModel? Recognizer => _recognizer;

    /// <summary>The backend (device) every graph of this engine runs on.</summary>
    public IAcousticBackend Backend => _vad.Backend;

    /// <summary>Written style of Chinese ITN for sessions and jobs that name none (<see cref="SpeechEngineOptions.ItnStyle"/>).</summary>
    public ItnStyle ItnStyle { get; private init; }

    /// <summary>Name of the loaded recogniser, or null in VAD-only mode.</summary>
    public string? RecognizerName => _recognizer?.Name;

    /// <summary>
    /// Loads everything the options name; errors say which file or setting is wrong. <paramref name="log"/>
    /// receives hotword-list loads and reload failures (standard error when null). Graphs load on
    /// <paramref name="backend"/>, the shared CPU backend when null; the engine disposes it with itself only when
    /// <paramref name="ownsBackend"/> is set.
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
        var rescorer = new HotwordRescorer(hotwordOptions);
        var globalHotwords = string.IsNullOrEmpty(options.HotwordsFile)
            ? null
            : new HotwordFileSource(options.HotwordsFile, log ?? Console.Error.WriteLine);
        var models = ModelDirectory.Locate(options.ModelsDirectory);
        var vad = new SileroVadModel(vadOptions.ModelPath ?? SileroVadModel.BundledPath(models), backend);
        IRecognizerModel? recognizer = null;
        try
        {
            if (!string.IsNullOrEmpty(options.Recognizer))
            {
                recognizer = RecognizerModelLoader.Load(
                    Path.Combine(models, options.Recognizer),
                    new RecognizerOptions
                    {
                        DecodingMethod = options.DecodingMethod,
                        BeamSize = options.BeamSize,
                        HotwordBoost = options.HotwordBoost,
                    },
                    vad.Backend);
            }

            var itnStyle = ItnStyles.Parse(options.ItnStyle);
            var itn = InverseTextNormalizer.For(options.Language, itnStyle);
            var hotwords = new HotwordService(globalHotwords, rescorer);
            var sessions = new SessionPipelineFactory(vad, vadOptions, recognizer, itn, pipelineOptions, hotwords);
            return new SpeechEngine(vad, recognizer, sessions, hotwords) { _ownedBackend = ownsBackend ? backend : null, ItnStyle = itnStyle };
        }
        catch
        {
            recognizer?.Dispose();
            vad.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _recognizer?.Dispose();
        _vad.Dispose();
        _ownedBackend?.Dispose();
    }
}

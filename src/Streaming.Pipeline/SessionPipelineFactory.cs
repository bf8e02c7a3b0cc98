using Streaming.Asr;
using Streaming.Asr.Vad;
using Streaming.Text;

namespace Streaming.Pipeline;

/// <summary>
/// Holds what all sessions share (the VAD model, the recogniser, the ITN engine, options) and builds a
/// <see cref="SessionPipeline"/> per session. Thread-safe.
/// </summary>
public sealed class SessionPipelineFactory
{
    private readonly SileroVadModel _vad;
    private readonly VadOptions _vadOptions;
    private readonly IRecognizerModel? _recognizer;
    private readonly IInverseTextNormalizer? _itn;
    private readonly PipelineOptions _options;
    private readonly HotwordService _hotwords;
    private readonly KeywordService _keywords;
    private readonly PartialScheduler _partials;

    /// <summary>
    /// Creates the factory; a null <paramref name="recognizer"/> gives VAD-only sessions, a null
    /// <paramref name="hotwords"/> means no global hotword list and default re-scoring, a null
    /// <paramref name="keywords"/> no global keyword list. Partial re-decodes of every session take turns on
    /// <paramref name="partials"/> (share one across all factories of a server; a new one sized by the options when null).
    /// </summary>
    public SessionPipelineFactory(
        SileroVadModel vad,
        VadOptions vadOptions,
        IRecognizerModel? recognizer,
        IInverseTextNormalizer? itn,
        PipelineOptions options,
        HotwordService? hotwords = null,
        KeywordService? keywords = null,
        PartialScheduler? partials = null)
    {
        _hotwords = hotwords ?? HotwordService.None;
        _keywords = keywords ?? KeywordService.None;
        vadOptions.Validate();
        options.Validate();
        _vad = vad;
        _vadOptions = vadOptions;
        _recognizer = recognizer;
        _itn = itn;
        _options = options;
        _partials = partials ?? new PartialScheduler(options.EffectivePartialSlots);
    }

    /// <summary>Starts a pipeline for one session; it stops when completed, cancelled or disposed.</summary>
    /// <exception cref="ArgumentException">
    /// The format is unsupported, or a hotword or keyword is malformed or cannot be spelled by the model
    /// (<see cref="Asr.Hotwords.HotwordException"/>, <see cref="Asr.Keywords.KeywordException"/>).
    /// </exception>
    /// <exception cref="NotSupportedException">The model cannot spot keywords and the session has some.</exception>
    public SessionPipeline Create(SessionSettings settings, CancellationToken cancellationToken = default)
    {
        settings.Format.Validate();
        var endpoint = _options.Endpoint.With(settings.Endpoint?.MaxTrailingSilenceMs, settings.Endpoint?.MaxUtteranceMs);
        endpoint.Validate();

        // The VAD's closing silence is the endpoint's trailing silence. With a recogniser, utterance length is
        // bounded by the endpoint's own cut, which looks for a quiet point, so the VAD's hard cut moves out of its way.
        var vadOptions = _vadOptions.ForSession(endpoint.MaxTrailingSilenceMs, _recognizer is null ? 0 : VadOptions.MaxSpeechLimitMs);
        var hotwords = _hotwords.ForSession(settings.Hotwords);
        var keywords = _keywords.ForSession(settings.Keywords);
        if (_recognizer is null && keywords.Count > 0)
        {
            throw new Asr.Keywords.KeywordException("No recogniser is loaded (VAD-only mode), so keywords cannot be spotted.");
        }

        var itn = settings.Itn ? _itn : null;
        if (settings.ItnStyle is { } style)
        {
            itn = itn?.WithStyle(style);
            settings = settings with { ItnOptions = settings.ItnOptions is null ? null : settings.ItnOptions with { Style = style } };
        }

        return new SessionPipeline(
            settings,
            hotwords,
            keywords,
            _vad,
            vadOptions,
            _recognizer,
            itn,
            _options,
            endpoint,
            _partials,
            cancellationToken);
    }
}

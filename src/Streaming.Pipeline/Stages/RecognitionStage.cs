using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Streaming.Asr;
using Streaming.Asr.Endpointing;
using Streaming.Audio;
using Streaming.Text;

namespace Streaming.Pipeline.Stages;

/// <summary>
/// Runs the recogniser over each speech segment the VAD passes on. Partials come at the pace of a
/// <see cref="PartialCadence"/>, or for streams that decode incrementally whenever their hypothesis changed (sent
/// only when their text changed); a final comes when the segment ends.
/// The endpoint rules split a segment into several utterances, each with its own segment id, start, final
/// and end: trailing silence or no speech in the decoder's hypothesis (rules 1 and 2, for models with real
/// token times), and the maximum utterance length (rule 3), where the audio of the last
/// <see cref="EndpointOptions.CutSearchMs"/> before the limit is held back so the cut can land on its
/// quietest point. Keywords the recogniser spots are passed on as <see cref="KeywordSpottedEvent"/>s (in stream
/// time) right after the partial or final that reported them. Without a recogniser (VAD-only mode) it passes on
/// the speech boundaries alone.
/// </summary>
public sealed class RecognitionStage : PipelineStage<SpeechItem, PipelineEvent>, IDisposable
{
    // The VAD passes speech in items of about 32 ms; this many queued (about half a second) means the
    // stage is behind real time, and partials wait until it has caught up.
    private const int BehindItems = 16;

    private readonly IRecognitionStream? _stream;
    private readonly IInverseTextNormalizer? _itn;
    private readonly ItnOptions? _itnOptions;
    private readonly PartialCadence _cadence;
    private readonly PartialScheduler _scheduler;
    private readonly PartialTurn _turn;
    private readonly EndpointDetector _endpoint;
    private readonly int _maxUtterance;
    private readonly int _holdFrom;
    private readonly List<float> _held = [];
    private readonly SessionHotwords _hotwords;
    private int _segment = -1;
    private long _segmentStart;
    private int _fed;
    private string _lastPartial = "";
    private long? _partialVersion;
    private volatile bool _inSpeech;

    /// <summary>
    /// Creates the stage; <paramref name="model"/> null means VAD-only, <paramref name="itn"/> null means no ITN;
    /// with <paramref name="hotwords"/> decoding is biased towards them and finals are re-scored; the recogniser
    /// spots <paramref name="keywords"/>. On-demand partials (Moonshine) take turns on <paramref name="partials"/>, the
    /// server's shared scheduler (a private one sized by <see cref="PipelineOptions.EffectivePartialSlots"/> when null).
    /// </summary>
    /// <exception cref="Asr.Keywords.KeywordException">The recogniser cannot spell a keyword.</exception>
    /// <exception cref="NotSupportedException">The recogniser cannot spot keywords (or take hotwords).</exception>
    public RecognitionStage(
        IRecognizerModel? model,
        IInverseTextNormalizer? itn,
        ItnOptions? itnOptions,
        PipelineOptions options,
        EndpointOptions endpoint,
        SessionHotwords? hotwords = null,
        IReadOnlyList<Asr.Keywords.Keyword>? keywords = null,
        PartialScheduler? partials = null)
    {
        _endpoint = new EndpointDetector(endpoint);
        _hotwords = hotwords ?? SessionHotwords.None;
        _stream = model?.CreateStream(_hotwords.Hotwords, keywords ?? []);
        _itn = itn;
        _itnOptions = itnOptions;
        _cadence = new PartialCadence(options.PartialIntervalMs, options.PartialLoadPercent, AudioFrame.SampleRate);
        _scheduler = partials ?? new PartialScheduler(options.EffectivePartialSlots);
        _turn = _scheduler.Join();
        _maxUtterance = endpoint.MaxUtteranceMs * (AudioFrame.SampleRate / 1000);
        _holdFrom = _maxUtterance - (endpoint.CutSearchMs * (AudioFrame.SampleRate / 1000));
    }

    /// <summary>Whether a speech segment is open: the VAD has passed its start and not yet its end.</summary>
    public bool InSpeech => _inSpeech;

    /// <summary>Bytes of state held: the recognition stream's and the audio held back to choose a cut point.</summary>
    public long StateBytes => (_stream?.StateBytes ?? 0) + ((long)_held.Capacity * sizeof(float));

    /// <inheritdoc />
    protected override async ValueTask ProcessAsync(SpeechItem item, ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case SpeechStart start:
                _inSpeech = true;
                await StartUtteranceAsync(start.Sample, output, cancellationToken).ConfigureAwait(false);
                break;

            case SpeechAudio audio when _stream is not null:
                await AppendAsync(audio.Frame.Samples, output, cancellationToken).ConfigureAwait(false);
                await PartialAsync(output, cancellationToken).ConfigureAwait(false);
                break;

            case SpeechEnd end:
                FeedHeld(_held.Count);
                await EndUtteranceAsync(end.Sample, output, cancellationToken).ConfigureAwait(false);
                _inSpeech = false;
                break;
        }
    }

    private async ValueTask StartUtteranceAsync(long sample, ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        _segment++;
        _segmentStart = sample;
        _fed = 0;
        _held.Clear();
        _cadence.Reset();
        _lastPartial = "";
        _partialVersion = null;
        await output.WriteAsync(new SpeechStartedEvent(_segment, AudioFrame.ToSeconds(sample)), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask EndUtteranceAsync(long sample, ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            // A partial still waiting for its turn is moot now; a re-decoding final takes a slot without waiting.
            _turn.Release();
            RecognitionResult final;
            using (_stream.HypothesisVersion is null ? _scheduler.RunFinal() : null)
            {
                final = _stream.Finish();
            }

            await output.WriteAsync(ToEvent(final, isFinal: true), cancellationToken).ConfigureAwait(false);
            await SpottedAsync(final, output, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteAsync(
            new SpeechEndedEvent(_segment, AudioFrame.ToSeconds(_segmentStart), AudioFrame.ToSeconds(sample)),
            cancellationToken).ConfigureAwait(false);
    }

    // Ends the current utterance where the decoder stands and opens the next one there: the VAD's segment goes on.
    private async ValueTask SplitAsync(ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        var at = _segmentStart + _fed;
        await EndUtteranceAsync(at, output, cancellationToken).ConfigureAwait(false);
        await StartUtteranceAsync(at, output, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask AppendAsync(ReadOnlyMemory<float> samples, ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        while (!samples.IsEmpty)
        {
            var take = Math.Min(samples.Length, _maxUtterance - _fed - _held.Count);
            var direct = _held.Count == 0 ? Math.Clamp(_holdFrom - _fed, 0, take) : 0;
            Feed(samples.Span[..direct]);
            _held.AddRange(samples.Span[direct..take]);
            samples = samples[take..];
            if (_fed + _held.Count >= _maxUtterance)
            {
                var cut = QuietestPoint.Find(CollectionsMarshal.AsSpan(_held));
                FeedHeld(cut);
                var rest = _held.ToArray();
                _held.Clear();
                await SplitAsync(output, cancellationToken).ConfigureAwait(false);
                Feed(rest);
            }
        }
    }

    private async ValueTask PartialAsync(ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        RecognitionResult partial;
        var version = _stream!.HypothesisVersion;
        if (version is not null)
        {
            // Incremental decoders (the transducer) get a partial after every encoder chunk that changed the hypothesis.
            if (version == _partialVersion || QueuedItems > BehindItems)
            {
                return;
            }

            _partialVersion = version;
            partial = _stream.GetPartial();
        }
        else
        {
            // Re-decoding ones take turns with every other session's: a due partial decodes once this session's turn came.
            if (!_cadence.IsDue(behind: QueuedItems > BehindItems))
            {
                _turn.Release();
                return;
            }

            if (!_turn.TryStart() && !await TurnBeforeInputAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                partial = _stream.GetPartial();
            }
            finally
            {
                _turn.Release();
            }

            _cadence.Decoded(Stopwatch.GetElapsedTime(started));
        }

        if (partial.Text != _lastPartial)
        {
            _lastPartial = partial.Text;
            await output.WriteAsync(ToEvent(partial, isFinal: false), cancellationToken).ConfigureAwait(false);
        }

        await SpottedAsync(partial, output, cancellationToken).ConfigureAwait(false);

        // Rule 3 is applied by the cut in AppendAsync, where the audio to choose a cut point is still at hand.
        if (_endpoint.Check(partial, _fed / (double)AudioFrame.SampleRate) is EndpointRule.TrailingSilence or EndpointRule.NoSpeech)
        {
            await SplitAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    // Waits for this session's partial turn, but only until more input arrives: that audio is fed first, so the partial
    // covers the newest audio when it runs, and an end of speech goes straight to its final. True when the turn came.
    private async ValueTask<bool> TurnBeforeInputAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var input = WaitForInputAsync(stop.Token).AsTask();
        await Task.WhenAny(_turn.WhenGranted, input).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        _ = input.Exception; // a failed input is reported by the stage's own read; observed here so it is not reported twice
        if (cancellationToken.IsCancellationRequested || input is { IsCompletedSuccessfully: true, Result: false })
        {
            // The session is ending: its place, or a slot granted meanwhile, goes to the others now, not at disposal.
            _turn.Release();
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }

        return _turn.TryStart();
    }

    private async ValueTask SpottedAsync(RecognitionResult result, ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        var offset = AudioFrame.ToSeconds(_segmentStart);
        foreach (var hit in result.KeywordHits)
        {
            await output.WriteAsync(
                new KeywordSpottedEvent(_segment, hit.Keyword, hit.Start + offset, hit.End + offset, hit.Confidence),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private void Feed(ReadOnlySpan<float> samples)
    {
        if (samples.IsEmpty)
        {
            return;
        }

        _stream!.AcceptAudio(samples);
        _fed += samples.Length;
        _cadence.Add(samples.Length);
    }

    // Feeds the first count held samples and keeps the rest held.
    private void FeedHeld(int count)
    {
        Feed(CollectionsMarshal.AsSpan(_held)[..count]);
        _held.RemoveRange(0, count);
    }

    private TranscriptEvent ToEvent(RecognitionResult result, bool isFinal)
    {
        var offset = AudioFrame.ToSeconds(_segmentStart);
        var tokens = result.Tokens.Select(t => t with { Start = t.Start + offset, End = t.End + offset }).ToArray();
        var (text, hits) = isFinal ? _hotwords.CorrectFinal(result.Text) : (result.Text, _hotwords.HitsIn(result.Text));

        var written = isFinal && _itn is not null && text.Length > 0 ? _itn.Normalize(text, _itnOptions).Text : null;
        return new TranscriptEvent(_segment, isFinal, text, written, tokens, offset, AudioFrame.ToSeconds(_segmentStart + _fed))
        {
            StableTokenCount = result.StableTokenCount,
            HotwordsHit = hits,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _turn.Dispose();
        _stream?.Dispose();
    }
}

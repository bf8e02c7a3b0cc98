using System.Threading.Channels;
using Streaming.Asr;
using Streaming.Audio;
using Streaming.Text;

namespace Streaming.Pipeline.Stages;

/// <summary>
/// Runs the recogniser over each speech segment: a partial every <see cref="PipelineOptions.PartialIntervalMs"/>
/// of new speech (sent only when its text changed), a final at the segment's end with its written form.
/// Without a recogniser (VAD-only mode) it passes on the speech boundaries alone.
/// </summary>
public sealed class RecognitionStage : PipelineStage<SpeechItem, PipelineEvent>, IDisposable
{
    private readonly IRecognitionStream? _stream;
    private readonly IInverseTextNormalizer? _itn;
    private readonly ItnOptions? _itnOptions;
    private readonly int _partialInterval;
    private readonly SessionHotwords _hotwords;
    private int _segment = -1;
    private long _segmentStart;
    private long _segmentEnd;
    private long _sinceLastPartial;
    private string _lastPartial = "";

    /// <summary>
    /// Creates the stage; <paramref name="model"/> null means VAD-only, <paramref name="itn"/> null means no ITN;
    /// with <paramref name="hotwords"/> decoding is biased towards them and finals are re-scored.
    /// </summary>
    public RecognitionStage(IRecognizerModel? model, IInverseTextNormalizer? itn, ItnOptions? itnOptions, PipelineOptions options, SessionHotwords? hotwords = null)
    {
        _hotwords = hotwords ?? SessionHotwords.None;
        _stream = model?.CreateStream(_hotwords.Hotwords);
        _itn = itn;
        _itnOptions = itnOptions;
        _partialInterval = options.PartialIntervalMs * AudioFrame.SampleRate / 1000;
    }

    /// <inheritdoc />
    protected override async ValueTask ProcessAsync(SpeechItem item, ChannelWriter<PipelineEvent> output, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case SpeechStart start:
                _segment++;
                _segmentStart = _segmentEnd = start.Sample;
                _sinceLastPartial = 0;
                _lastPartial = "";
                await output.WriteAsync(new SpeechStartedEvent(_segment, AudioFrame.ToSeconds(start.Sample)), cancellationToken).ConfigureAwait(false);
                break;

            case SpeechAudio audio:
                _segmentEnd = audio.Frame.EndSample;
                if (_stream is null)
                {
                    break;
                }

                _stream.AcceptAudio(audio.Frame.Samples.Span);
                _sinceLastPartial += audio.Frame.Length;
                if (_sinceLastPartial >= _partialInterval)
                {
                    _sinceLastPartial = 0;
                    var partial = _stream.GetPartial();
                    if (partial.Text != _lastPartial)
                    {
                        _lastPartial = partial.Text;
                        await output.WriteAsync(ToEvent(partial, isFinal: false), cancellationToken).ConfigureAwait(false);
                    }
                }

                break;

            case SpeechEnd end:
                _segmentEnd = end.Sample;
                if (_stream is not null)
                {
                    await output.WriteAsync(ToEvent(_stream.Finish(), isFinal: true), cancellationToken).ConfigureAwait(false);
                }

                await output.WriteAsync(
                    new SpeechEndedEvent(_segment, AudioFrame.ToSeconds(_segmentStart), AudioFrame.ToSeconds(end.Sample)),
                    cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private TranscriptEvent ToEvent(RecognitionResult result, bool isFinal)
    {
        var offset = AudioFrame.ToSeconds(_segmentStart);
        var tokens = result.Tokens.Select(t => t with { Start = t.Start + offset, End = t.End + offset }).ToArray();
        var text = result.Text;
        IReadOnlyList<string> hits = [];
        if (_hotwords.Phrases.Count > 0)
        {
            // Finals are corrected (near-misses rewritten as hotwords); partials only report what they contain.
            if (isFinal)
            {
                var rescored = _hotwords.Rescorer.Rescore(text, _hotwords.Phrases);
                (text, hits) = (rescored.Text, rescored.Hits);
            }
            else
            {
                hits = _hotwords.Rescorer.Hits(text, _hotwords.Phrases);
            }
        }

        var written = isFinal && _itn is not null && text.Length > 0 ? _itn.Normalize(text, _itnOptions).Text : null;
        return new TranscriptEvent(_segment, isFinal, text, written, tokens, offset, AudioFrame.ToSeconds(_segmentEnd)) { HotwordsHit = hits };
    }

    /// <inheritdoc />
    public void Dispose() => _stream?.Dispose();
}

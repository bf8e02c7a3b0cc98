using Streaming.Asr.Features;
using Streaming.Asr.Hotwords;
using Streaming.Asr.Keywords;
using Streaming.Asr.Text;
using Streaming.Asr.Text.Pinyin;
using Streaming.Inference;

namespace Streaming.Asr.Transducer;

/// <summary>
/// One session's streaming transducer decoding: audio → <see cref="FbankExtractor"/> → windows of
/// <c>T</c> feature frames advancing by <c>decode_chunk_len</c> → encoder (with this stream's caches) →
/// the configured search. Work happens as audio arrives, so <see cref="GetPartial"/> is cheap. As in
/// sherpa-onnx, a window runs only once more than <c>T</c> frames are ready. <see cref="Finish"/> appends
/// <see cref="TransducerModel.TailPaddingSamples"/> of silence, flushes the features and runs the windows that
/// completes, so a segment that ends mid-word still decodes its last word. Token times come from the encoder
/// frame at which each token was emitted.
/// </summary>
public sealed class TransducerStream : IRecognitionStream
{
    private readonly TransducerModel _model;
    private readonly FbankExtractor _fbank;
    private readonly ZipformerEncoderState _state;
    private readonly TransducerJoint _joint;
    private readonly ITransducerSearch _search;
    private readonly TransducerKeywordSpotter? _spotter;
    private readonly ITextAssembler _text;
    private readonly PinyinStreamText? _pinyinText;
    private readonly float[] _chunk;
    private readonly NamedTensor _chunkTensor;
    private int _nextFrame;
    private int _decodedFrames;
    private double _secondsPerEncoderFrame;
    private long _chunksRun;

    internal TransducerStream(TransducerModel model, ContextGraph? graph, KeywordGraph? keywords = null, ITextAssembler? text = null)
    {
        _model = model;
        _text = text ?? model.TextAssembler;
        _fbank = new FbankExtractor(model.Features);
        var m = model.Metadata;
        _joint = new TransducerJoint(
            model.Decoder, model.Joiner, m.ContextSize, model.Tokens.BlankId, model.Tokens.UnknownId, model.EncoderDimension, model.DecoderDimension, model.VocabularySize);
        // Hotwords need a beam to act on, so they select modified beam search whatever the configured method.
        _search = graph is not null || model.Options.DecodingMethod == RecognizerOptions.ModifiedBeamSearch
            ? new TransducerModifiedBeamDecoder(_joint, model.Options.BeamSize, graph)
            : new TransducerGreedyDecoder(_joint);
        _spotter = keywords is null ? null : new TransducerKeywordSpotter(_joint, keywords);
        _pinyinText = _text is PinyinTextAssembler pinyin ? new PinyinStreamText(pinyin) : null;
        _chunk = new float[m.ChunkFrames * model.FeatureDimension];
        _chunkTensor = NamedTensor.Over(model.Encoder.InputNames[0], [1, m.ChunkFrames, model.FeatureDimension], _chunk);
        _state = new ZipformerEncoderState(m, model.FeatureDimension, model.Encoder, _chunkTensor);
    }

    /// <inheritdoc />
    public void AcceptAudio(ReadOnlySpan<float> samples16k)
    {
        _fbank.AcceptWaveform(samples16k);
        RunReadyChunks();
    }

    /// <inheritdoc />
    /// <remarks>Changes after every encoder chunk (320 ms for the bundled model): a chunk may add tokens or blank frames the endpoint rules count.</remarks>
    public long? HypothesisVersion => _chunksRun;

    /// <inheritdoc />
    /// <remarks>The encoder's two cache sets and output, the feature frames and samples not yet consumed, and the chunk buffer.</remarks>
    public long StateBytes => _state.Bytes + _fbank.BufferedBytes + ((long)_chunk.Length * sizeof(float));

    /// <inheritdoc />
    public RecognitionResult GetPartial() => Build(_search.StableCount);

    /// <inheritdoc />
    public RecognitionResult Finish()
    {
        _fbank.AcceptWaveform(new float[_model.TailPaddingSamples]);
        _fbank.InputFinished();
        RunReadyChunks();
        var result = Build(int.MaxValue);
        _fbank.Reset();
        _state.Reset();
        _search.Reset();
        _spotter?.Reset();
        _pinyinText?.Reset();
        _nextFrame = 0;
        _decodedFrames = 0;
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _joint.Dispose();
        _state.Dispose();
    }

    private void RunReadyChunks()
    {
        int frames = _model.Metadata.ChunkFrames;
        while (_fbank.FramesReady - _nextFrame > frames)
        {
            _fbank.GetFrames(_nextFrame, frames, _chunk);
            var encoderOut = _state.Run();
            _secondsPerEncoderFrame = _model.Metadata.ChunkShift * (double)_model.Features.FrameShift / _model.Features.SampleRate / _state.OutputFrames;
            _search.Advance(encoderOut, _state.OutputDimension);
            _spotter?.Advance(encoderOut, _state.OutputDimension);
            _decodedFrames += _state.OutputFrames;
            _nextFrame += _model.Metadata.ChunkShift;
            _chunksRun++;
        }

        _fbank.DiscardBefore(_nextFrame);
    }

    // stableIds: how many leading token ids are stable; a text piece counts as stable when all its ids are.
    private RecognitionResult Build(int stableIds)
    {
        var best = _search.Best;
        int[] ids = [.. best.Select(t => t.Id)];
        var spans = _model.Tokens.Split(ids);
        var tokens = new RecognizedToken[spans.Count];
        var stable = 0;
        for (int i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.First + span.Count <= stableIds)
            {
                stable = i + 1;
            }

            var first = best[span.First];
            var last = best[span.First + span.Count - 1];
            float confidence = best.Skip(span.First).Take(span.Count).Min(t => t.Confidence);
            tokens[i] = new RecognizedToken(span.Text, first.Frame * _secondsPerEncoderFrame,
                (last.Frame + 1) * _secondsPerEncoderFrame, confidence);
        }

        bool final = stableIds == int.MaxValue;
        int stableText = 0;
        string text = _pinyinText is not null
            ? _pinyinText.Assemble(spans, stable, final, out stableText)
            : _text.Assemble(spans, final);
        return new RecognitionResult(text, tokens)
        {
            StableTokenCount = stable,
            StableTextLength = stableText,
            DecodedSeconds = _decodedFrames * _secondsPerEncoderFrame,
            KeywordHits = _spotter?.TakeHits(_secondsPerEncoderFrame) ?? [],
        };
    }
}

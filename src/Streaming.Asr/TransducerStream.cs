using Microsoft.ML.OnnxRuntime;
using Streaming.Asr.Hotwords;

namespace Streaming.Asr;

/// <summary>
/// One session's streaming transducer decoding: audio → <see cref="FbankExtractor"/> → windows of
/// <c>T</c> feature frames advancing by <c>decode_chunk_len</c> → encoder (with this stream's caches) →
/// the configured search. Work happens as audio arrives, so <see cref="GetPartial"/> is cheap.
/// <see cref="Finish"/> pads the segment with silence to flush the last window. Token times come from the
/// encoder frame at which each token was emitted.
/// </summary>
public sealed class TransducerStream : IRecognitionStream
{
    private readonly TransducerModel _model;
    private readonly FbankOptions _fbankOptions = new();
    private readonly FbankExtractor _fbank;
    private readonly ZipformerEncoderState _state;
    private readonly OnnxTransducerJoint _joint;
    private readonly ITransducerSearch _search;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _encoderInputs;
    private readonly string[] _encoderOutputs;
    private readonly OrtValue[] _inputs;
    private readonly float[] _chunk;
    private readonly OrtValue _chunkValue;
    private int _nextFrame;
    private double _secondsPerEncoderFrame;

    internal TransducerStream(TransducerModel model, ContextGraph? graph)
    {
        _model = model;
        _fbank = new FbankExtractor(_fbankOptions);
        var m = model.Metadata;
        _state = new ZipformerEncoderState(m, model.FeatureDimension);
        _joint = new OnnxTransducerJoint(model.Decoder, model.Joiner, m.ContextSize, model.Tokens.BlankId, model.EncoderDimension, model.VocabularySize);
        // Hotwords need a beam to act on, so they select modified beam search whatever the configured method.
        _search = graph is not null || model.Options.DecodingMethod == RecognizerOptions.ModifiedBeamSearch
            ? new TransducerModifiedBeamDecoder(_joint, model.Options.BeamSize, graph)
            : new TransducerGreedyDecoder(_joint);
        _encoderInputs = [.. model.Encoder.InputNames];
        _encoderOutputs = [.. model.Encoder.OutputNames];
        _inputs = new OrtValue[_encoderInputs.Length];
        _chunk = new float[m.ChunkFrames * model.FeatureDimension];
        _chunkValue = OrtValue.CreateTensorValueFromMemory(_chunk, [1, m.ChunkFrames, model.FeatureDimension]);
    }

    /// <inheritdoc />
    public void AcceptAudio(ReadOnlySpan<float> samples16k)
    {
        _fbank.AcceptWaveform(samples16k);
        RunReadyChunks();
    }

    /// <inheritdoc />
    public RecognitionResult GetPartial() => Build(_search.StableCount);

    /// <inheritdoc />
    public RecognitionResult Finish()
    {
        // Enough silence to complete the window that holds the last real frames.
        _fbank.AcceptWaveform(new float[(_model.Metadata.ChunkFrames + 2) * _fbankOptions.FrameShift]);
        _fbank.InputFinished();
        RunReadyChunks();
        var result = Build(int.MaxValue);
        _fbank.Reset();
        _state.Reset();
        _search.Reset();
        _nextFrame = 0;
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _chunkValue.Dispose();
        _runOptions.Dispose();
        _joint.Dispose();
        _state.Dispose();
    }

    private void RunReadyChunks()
    {
        int frames = _model.Metadata.ChunkFrames;
        while (_fbank.FramesReady - _nextFrame >= frames)
        {
            _fbank.GetFrames(_nextFrame, frames, _chunk);
            _inputs[0] = _chunkValue;
            var states = _state.Current;
            for (int i = 0; i < states.Count; i++)
            {
                _inputs[i + 1] = states[i];
            }

            var outputs = _model.Encoder.Run(_runOptions, _encoderInputs, _inputs, _encoderOutputs);
            Array.Clear(_inputs);
            var encoderOut = outputs[0];
            long[] shape = encoderOut.GetTensorTypeAndShape().Shape;
            _secondsPerEncoderFrame = _model.Metadata.ChunkShift * (double)_fbankOptions.FrameShift / _fbankOptions.SampleRate / shape[1];
            _search.Advance(encoderOut.GetTensorDataAsSpan<float>(), (int)shape[2]);
            _state.Advance(outputs);
            _nextFrame += _model.Metadata.ChunkShift;
        }
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

        string text = string.Concat(spans.Select(s => s.Text)).Trim();
        return new RecognitionResult(text, tokens) { StableTokenCount = stable };
    }
}

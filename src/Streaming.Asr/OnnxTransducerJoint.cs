using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr;

/// <summary>
/// <see cref="ITransducerJoint"/> over sherpa-onnx decoder (<c>y</c> [N, context] → [N, D]) and joiner
/// (<c>encoder_out</c> [N, D], <c>decoder_out</c> [N, D] → logits [N, V]) sessions. One per stream: it owns
/// pinned input buffers reused across calls.
/// </summary>
internal sealed class OnnxTransducerJoint : ITransducerJoint, IDisposable
{
    private readonly InferenceSession _decoder;
    private readonly InferenceSession _joiner;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _decoderInputs;
    private readonly string[] _decoderOutputs;
    private readonly string[] _joinerInputs;
    private readonly string[] _joinerOutputs;
    private readonly long[] _context;
    private readonly OrtValue _contextValue;
    private readonly float[] _frame;
    private readonly OrtValue _frameValue;
    private readonly OrtValue[] _pair = new OrtValue[2];

    public OnnxTransducerJoint(InferenceSession decoder, InferenceSession joiner, int contextSize, int blankId, int encoderDimension, int vocabularySize)
    {
        _decoder = decoder;
        _joiner = joiner;
        ContextSize = contextSize;
        BlankId = blankId;
        VocabularySize = vocabularySize;
        _decoderInputs = [decoder.InputNames[0]];
        _decoderOutputs = [decoder.OutputNames[0]];
        _joinerInputs = [joiner.InputNames[0], joiner.InputNames[1]];
        _joinerOutputs = [joiner.OutputNames[0]];
        _context = new long[contextSize];
        _contextValue = OrtValue.CreateTensorValueFromMemory(_context, [1, contextSize]);
        _frame = new float[encoderDimension];
        _frameValue = OrtValue.CreateTensorValueFromMemory(_frame, [1, encoderDimension]);
    }

    public int VocabularySize { get; }

    public int BlankId { get; }

    public int ContextSize { get; }

    public float[] PredictionOutput(ReadOnlySpan<long> context)
    {
        context.CopyTo(_context);
        using var outputs = _decoder.Run(_runOptions, _decoderInputs, [_contextValue], _decoderOutputs);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void JointLogits(ReadOnlySpan<float> encoderFrame, float[] predictionOutput, Span<float> logits)
    {
        encoderFrame.CopyTo(_frame);
        using var prediction = OrtValue.CreateTensorValueFromMemory(predictionOutput, [1, predictionOutput.Length]);
        _pair[0] = _frameValue;
        _pair[1] = prediction;
        using var outputs = _joiner.Run(_runOptions, _joinerInputs, _pair, _joinerOutputs);
        outputs[0].GetTensorDataAsSpan<float>().CopyTo(logits);
    }

    public void Dispose()
    {
        _frameValue.Dispose();
        _contextValue.Dispose();
        _runOptions.Dispose();
    }
}

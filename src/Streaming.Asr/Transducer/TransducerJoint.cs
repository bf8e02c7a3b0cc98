using Streaming.Inference;

namespace Streaming.Asr.Transducer;

/// <summary>
/// <see cref="ITransducerJoint"/> over sherpa-onnx decoder (<c>y</c> [N, context] → [N, D]) and joiner
/// (<c>encoder_out</c> [N, D], <c>decoder_out</c> [N, D] → logits [N, V]) graphs on any backend. One per
/// stream: it owns input and output buffers bound once and reused across calls.
/// </summary>
internal sealed class TransducerJoint : ITransducerJoint, IDisposable
{
    private readonly long[] _context;
    private readonly float[] _prediction;
    private readonly float[] _frame;
    private readonly float[] _predictionInput;
    private readonly float[] _logits;
    private readonly IModelBinding _decoder;
    private readonly IModelBinding _joiner;
    private readonly IAcousticModel _joinerModel;
    private readonly int _encoderDimension;
    private readonly int _decoderDimension;
    private readonly Dictionary<int, Rows> _rows = [];

    public TransducerJoint(IAcousticModel decoder, IAcousticModel joiner, int contextSize, int blankId, int unknownId, int encoderDimension, int decoderDimension, int vocabularySize)
    {
        ContextSize = contextSize;
        BlankId = blankId;
        UnknownId = unknownId;
        VocabularySize = vocabularySize;
        _context = new long[contextSize];
        _prediction = new float[decoderDimension];
        _frame = new float[encoderDimension];
        _predictionInput = new float[decoderDimension];
        _logits = new float[vocabularySize];
        _joinerModel = joiner;
        _encoderDimension = encoderDimension;
        _decoderDimension = decoderDimension;
        _decoder = decoder.Bind(
            [NamedTensor.Over(decoder.InputNames[0], [1, contextSize], _context)],
            [NamedTensor.Over(decoder.OutputNames[0], [1, decoderDimension], _prediction)]);
        try
        {
            _joiner = joiner.Bind(
                [NamedTensor.Over(joiner.InputNames[0], [1, encoderDimension], _frame), NamedTensor.Over(joiner.InputNames[1], [1, decoderDimension], _predictionInput)],
                [NamedTensor.Over(joiner.OutputNames[0], [1, vocabularySize], _logits)]);
        }
        catch
        {
            _decoder.Dispose();
            throw;
        }
    }

    public int VocabularySize { get; }

    public int BlankId { get; }

    public int UnknownId { get; }

    public int ContextSize { get; }

    public float[] PredictionOutput(ReadOnlySpan<long> context)
    {
        var output = new float[_prediction.Length];
        PredictionOutput(context, output);
        return output;
    }

    public void PredictionOutput(ReadOnlySpan<long> context, Span<float> output)
    {
        context.CopyTo(_context);
        _decoder.Run();
        _prediction.CopyTo(output);
    }

    public void JointLogits(ReadOnlySpan<float> encoderFrame, float[] predictionOutput, Span<float> logits)
    {
        encoderFrame.CopyTo(_frame);
        predictionOutput.CopyTo(_predictionInput, 0);
        _joiner.Run();
        _logits.CopyTo(logits);
    }

    public void JointLogits(ReadOnlySpan<float> encoderFrame, IReadOnlyList<float[]> predictionOutputs, Span<float> logits)
    {
        int count = predictionOutputs.Count;
        if (!_rows.TryGetValue(count, out var rows))
        {
            rows = new Rows(_joinerModel, count, _encoderDimension, _decoderDimension, VocabularySize);
            _rows.Add(count, rows);
        }

        for (int i = 0; i < count; i++)
        {
            encoderFrame.CopyTo(rows.Frames.AsSpan(i * _encoderDimension));
            predictionOutputs[i].CopyTo(rows.Predictions, i * _decoderDimension);
        }

        rows.Binding.Run();
        rows.Logits.CopyTo(logits);
    }

    public void Dispose()
    {
        foreach (var rows in _rows.Values)
        {
            rows.Binding.Dispose();
        }

        _joiner.Dispose();
        _decoder.Dispose();
    }

    // Joiner buffers for a batch of one frame against `count` predictions, bound once per batch size.
    private sealed class Rows
    {
        public Rows(IAcousticModel joiner, int count, int encoderDimension, int decoderDimension, int vocabularySize)
        {
            Frames = new float[count * encoderDimension];
            Predictions = new float[count * decoderDimension];
            Logits = new float[count * vocabularySize];
            Binding = joiner.Bind(
                [NamedTensor.Over(joiner.InputNames[0], [count, encoderDimension], Frames), NamedTensor.Over(joiner.InputNames[1], [count, decoderDimension], Predictions)],
                [NamedTensor.Over(joiner.OutputNames[0], [count, vocabularySize], Logits)]);
        }

        public float[] Frames { get; }

        public float[] Predictions { get; }

        public float[] Logits { get; }

        public IModelBinding Binding { get; }
    }
}

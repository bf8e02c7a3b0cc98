namespace Streaming.Asr.Transducer;

/// <summary>
/// Greedy transducer search: at each encoder frame take the most likely symbol (the first on ties); a symbol
/// other than blank and <c>&lt;unk&gt;</c> is emitted (at most one per frame, as in sherpa-onnx's streaming
/// search) and extends the context.
/// </summary>
public sealed class TransducerGreedyDecoder : ITransducerSearch
{
    private readonly ITransducerJoint _joint;
    private readonly long[] _context;
    private readonly float[] _logits;
    private readonly List<TransducerToken> _tokens = [];
    private readonly float[] _prediction;
    private int _frame;

    /// <summary>Creates a search over <paramref name="joint"/>.</summary>
    public TransducerGreedyDecoder(ITransducerJoint joint)
    {
        _joint = joint;
        _context = new long[joint.ContextSize];
        _logits = new float[joint.VocabularySize];
        TransducerContext.FillInitial(_context, joint.BlankId);
        _prediction = joint.PredictionOutput(_context);
    }

    /// <inheritdoc />
    public IReadOnlyList<TransducerToken> Best => _tokens;

    /// <inheritdoc />
    public int StableCount => _tokens.Count;

    /// <inheritdoc />
    public void Advance(ReadOnlySpan<float> encoderFrames, int dimension)
    {
        for (int offset = 0; offset + dimension <= encoderFrames.Length; offset += dimension)
        {
            _joint.JointLogits(encoderFrames.Slice(offset, dimension), _prediction, _logits);
            int id = Softmax.ArgMax(_logits, out float probability);
            if (id != _joint.BlankId && id != _joint.UnknownId)
            {
                _tokens.Add(new TransducerToken(id, _frame, probability));
                _context.AsSpan(1).CopyTo(_context);
                _context[^1] = id;
                _joint.PredictionOutput(_context, _prediction);
            }

            _frame++;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _tokens.Clear();
        _frame = 0;
        TransducerContext.FillInitial(_context, _joint.BlankId);
        _joint.PredictionOutput(_context, _prediction);
    }
}

using Streaming.Asr.Hotwords;
using Streaming.Asr.Moonshine;

namespace Streaming.Asr.Transducer;

/// <summary>
/// Modified beam search (at most one non-blank symbol per frame): each frame, every hypothesis is
/// extended by every symbol, the best <c>beamSize</c> extensions are kept, and extensions with the same
/// token sequence are merged by adding their probabilities (log-sum-exp of log-probabilities). With a
/// <see cref="ContextGraph"/>, hotword bonuses join the ranking (shallow fusion): each hypothesis carries its
/// graph state and context score next to its acoustic log-probability, and the best hypothesis is chosen
/// after unfinished hotword prefixes have given their credit back. As in sherpa-onnx, <c>&lt;unk&gt;</c> counts
/// as blank and the best hypothesis is the one with the highest score per symbol of its history (its tokens
/// plus the context-size start symbols), which keeps short hypotheses from winning by length alone.
/// </summary>
public sealed class TransducerModifiedBeamDecoder : ITransducerSearch
{
    private readonly ITransducerJoint _joint;
    private readonly ContextGraph? _graph;
    private readonly int _beamSize;
    private readonly float[] _logProbs;
    private readonly List<float[]> _predictions;
    private readonly float[] _logits; // one row per hypothesis of the beam
    private readonly Candidate[] _top;
    private readonly Dictionary<string, Hypothesis> _next;

    // Prediction buffers of hypotheses that left the beam, reused for the next ones: a new hypothesis's decoder
    // output would otherwise be a fresh array per non-blank extension, most of the search's allocation.
    private readonly Stack<float[]> _freePredictions = new();
    private List<Hypothesis> _beam = [];
    private int _frame;

    /// <summary>
    /// Creates a search over <paramref name="joint"/> keeping <paramref name="beamSize"/> hypotheses, biased
    /// towards the phrases of <paramref name="graph"/> when one is given.
    /// </summary>
    public TransducerModifiedBeamDecoder(ITransducerJoint joint, int beamSize, ContextGraph? graph = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamSize, 1);
        _joint = joint;
        _graph = graph;
        _beamSize = beamSize;
        _logits = new float[joint.VocabularySize * beamSize];
        _logProbs = new float[joint.VocabularySize];
        _predictions = new List<float[]>(beamSize);
        _top = new Candidate[beamSize];
        _next = new Dictionary<string, Hypothesis>(beamSize);
        Reset();
    }

    /// <inheritdoc />
    public IReadOnlyList<TransducerToken> Best => BestHypothesis.Tokens;

    /// <summary>Acoustic log-probability of the best hypothesis (summed over merged alignments), without hotword bonuses.</summary>
    public double BestLogProbability => BestHypothesis.LogProbability;

    /// <summary>
    /// The tokens every hypothesis in the beam shares: later frames only extend hypotheses of the current
    /// beam, so whichever becomes best keeps this prefix.
    /// </summary>
    public int StableCount
    {
        get
        {
            var first = _beam[0].Tokens;
            var count = first.Length;
            foreach (var hypothesis in _beam)
            {
                var shared = 0;
                while (shared < count && shared < hypothesis.Tokens.Length && hypothesis.Tokens[shared].Id == first[shared].Id)
                {
                    shared++;
                }

                count = shared;
            }

            return count;
        }
    }

    private Hypothesis BestHypothesis =>
        _beam.MaxBy(h => (h.Score + (_graph?.Finish(h.ContextState) ?? 0)) / (h.Tokens.Length + _joint.ContextSize))!;

    /// <inheritdoc />
    public void Advance(ReadOnlySpan<float> encoderFrames, int dimension)
    {
        for (int offset = 0; offset + dimension <= encoderFrames.Length; offset += dimension)
        {
            Step(encoderFrames.Slice(offset, dimension));
            _frame++;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        var context = new long[_joint.ContextSize];
        TransducerContext.FillInitial(context, _joint.BlankId);
        _next.Clear();
        RecyclePredictions(_beam, _next.Values);
        _beam = [new Hypothesis([], context, 0, string.Empty)];
        _frame = 0;
    }

    private void Step(ReadOnlySpan<float> frame)
    {
        _predictions.Clear();
        foreach (var hypothesis in _beam)
        {
            if (hypothesis.Prediction is null && _freePredictions.TryPop(out var buffer))
            {
                _joint.PredictionOutput(hypothesis.Context, buffer);
                hypothesis.Prediction = buffer;
            }

            hypothesis.Prediction ??= _joint.PredictionOutput(hypothesis.Context);
            _predictions.Add(hypothesis.Prediction);
        }

        int vocabulary = _joint.VocabularySize;
        _joint.JointLogits(frame, _predictions, _logits);
        int count = 0;
        for (int h = 0; h < _beam.Count; h++)
        {
            var hypothesis = _beam[h];
            Softmax.LogSoftmax(_logits.AsSpan(h * vocabulary, vocabulary), _logProbs);
            for (int k = 0; k < _logProbs.Length; k++)
            {
                int state = hypothesis.ContextState;
                float bonus = 0;
                if (_graph is not null && !IsBlank(k))
                {
                    state = _graph.Step(state, k, out bonus);
                }

                count = BeamCandidates.Insert(_top, count, new Candidate(hypothesis.Score + _logProbs[k] + bonus, h, k, _logProbs[k], state, bonus));
            }
        }

        _next.Clear();
        for (int i = 0; i < count; i++)
        {
            var candidate = _top[i];
            var extended = Extend(_beam[candidate.Hypothesis], candidate);
            if (_next.TryGetValue(extended.Key, out var existing))
            {
                // Same tokens reached by another alignment: the probabilities add (the context is the same).
                existing.LogProbability = LogAdd(existing.LogProbability, extended.LogProbability);
            }
            else
            {
                _next.Add(extended.Key, extended);
            }
        }

        RecyclePredictions(_beam, _next.Values);
        _beam.Clear();
        _beam.AddRange(_next.Values);
    }

    // The old beam's prediction buffers that no hypothesis of the new one shares (a blank extension keeps its parent's).
    private void RecyclePredictions(List<Hypothesis> old, Dictionary<string, Hypothesis>.ValueCollection kept)
    {
        foreach (var hypothesis in old)
        {
            var prediction = hypothesis.Prediction;
            if (prediction is null)
            {
                continue;
            }

            var shared = false;
            foreach (var survivor in kept)
            {
                shared |= ReferenceEquals(survivor.Prediction, prediction);
            }

            if (!shared)
            {
                _freePredictions.Push(prediction);
            }
        }
    }

    private Hypothesis Extend(Hypothesis parent, Candidate candidate)
    {
        int k = candidate.Token;
        double logProbability = parent.LogProbability + candidate.TokenLogProbability;
        if (IsBlank(k))
        {
            return new Hypothesis(parent.Tokens, parent.Context, logProbability, parent.Key)
            {
                Prediction = parent.Prediction,
                ContextState = parent.ContextState,
                ContextScore = parent.ContextScore,
            };
        }

        var context = new long[parent.Context.Length];
        parent.Context.AsSpan(1).CopyTo(context);
        context[^1] = k;
        var token = new TransducerToken(k, _frame, MathF.Exp(candidate.TokenLogProbability));
        return new Hypothesis([.. parent.Tokens, token], context, logProbability, parent.Key + "," + k)
        {
            ContextState = candidate.ContextState,
            ContextScore = parent.ContextScore + candidate.Bonus,
        };
    }

    private bool IsBlank(int token) => token == _joint.BlankId || token == _joint.UnknownId;

    private static double LogAdd(double a, double b)
    {
        double max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }

    private readonly record struct Candidate(double Score, int Hypothesis, int Token, float TokenLogProbability, int ContextState, float Bonus) : IBeamCandidate;

    private sealed class Hypothesis(TransducerToken[] tokens, long[] context, double logProbability, string key)
    {
        public TransducerToken[] Tokens { get; } = tokens;

        public long[] Context { get; } = context;

        /// <summary>Acoustic log-probability, summed over merged alignments.</summary>
        public double LogProbability { get; set; } = logProbability;

        /// <summary>State in the context graph (its root without one).</summary>
        public int ContextState { get; init; }

        /// <summary>Hotword bonuses collected so far.</summary>
        public double ContextScore { get; init; }

        /// <summary>What the search ranks by.</summary>
        public double Score => LogProbability + ContextScore;

        /// <summary>Identity of the token sequence, for merging.</summary>
        public string Key { get; } = key;

        public float[]? Prediction { get; set; }
    }
}

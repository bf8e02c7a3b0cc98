using Streaming.Asr.Keywords;

namespace Streaming.Asr.Transducer;

/// <summary>
/// Keyword spotting on a transducer's encoder frames, as sherpa-onnx's keyword spotter searches: a small modified
/// beam search whose hypotheses live in a <see cref="KeywordGraph"/>. Each frame every hypothesis is extended by
/// every token, the best <see cref="BeamSize"/> extensions by acoustic score are kept, and then each non-blank token
/// steps the graph and adds its score change; a token that leaves every keyword sends the hypothesis back to the
/// root and clears its history (the prediction network restarts from the start context), so hypotheses only ever
/// hold a keyword being spoken. When the best hypothesis has reached a keyword's end, has been followed by more
/// than <see cref="TrailingBlanks"/> blanks and the keyword's tokens averaged at least its threshold in
/// probability, the keyword is a hit and the search starts over. It runs beside the caption search on the same
/// encoder output (one prediction/joint network per stream, shared). One instance per stream; not thread-safe.
/// </summary>
public sealed class TransducerKeywordSpotter
{
    /// <summary>Hypotheses kept per frame (sherpa-onnx's <c>max_active_paths</c> default).</summary>
    public const int BeamSize = 4;

    /// <summary>Blank frames a keyword's last token must be followed by before it counts (sherpa-onnx's default).</summary>
    public const int TrailingBlanks = 1;

    // sherpa-onnx starts a stream's search over after 1.5 s of trailing blanks (37 frames of 40 ms).
    private const int SilenceResetFrames = 37;

    private readonly ITransducerJoint _joint;
    private readonly KeywordGraph _graph;
    private readonly float[] _logits;
    private readonly float[] _logProbs;
    private readonly Candidate[] _top;
    private readonly List<Hit> _hits = [];
    private readonly long[] _startContext;
    private readonly float[] _startPrediction; // every hypothesis that leaves the keywords restarts from it
    private Dictionary<string, Hypothesis> _beam = [];
    private int _frame;

    /// <summary>Creates a spotter of the keywords of <paramref name="graph"/> over <paramref name="joint"/>.</summary>
    public TransducerKeywordSpotter(ITransducerJoint joint, KeywordGraph graph)
    {
        _joint = joint;
        _graph = graph;
        _logits = new float[joint.VocabularySize];
        _logProbs = new float[joint.VocabularySize];
        _top = new Candidate[BeamSize];
        _startContext = new long[joint.ContextSize];
        TransducerContext.FillInitial(_startContext, joint.BlankId);
        _startPrediction = joint.PredictionOutput(_startContext);
        Reset();
    }

    /// <summary>Consumes encoder frames laid out row-major, <c>frames × dimension</c> (the caption search's input).</summary>
    public void Advance(ReadOnlySpan<float> encoderFrames, int dimension)
    {
        if (Best.TrailingBlanks > SilenceResetFrames)
        {
            StartOver();
        }

        for (int offset = 0; offset + dimension <= encoderFrames.Length; offset += dimension)
        {
            Step(encoderFrames.Slice(offset, dimension));
            _frame++;
        }
    }

    /// <summary>The hits since the last call, with times from the segment start, and forgets them.</summary>
    public IReadOnlyList<KeywordHit> TakeHits(double secondsPerFrame)
    {
        if (_hits.Count == 0)
        {
            return [];
        }

        var hits = _hits.Select(h => new KeywordHit(
            h.Keyword.Phrase, h.FirstFrame * secondsPerFrame, (h.LastFrame + 1) * secondsPerFrame, h.Confidence)).ToList();
        _hits.Clear();
        return hits;
    }

    /// <summary>Starts over for a new segment (hits not taken are dropped).</summary>
    public void Reset()
    {
        _frame = 0;
        _hits.Clear();
        StartOver();
    }

    private Hypothesis Best => _beam.Values.MaxBy(h => h.LogProbability)!;

    private void StartOver()
    {
        var start = Hypothesis.Start(_startContext, _startPrediction);
        _beam = new Dictionary<string, Hypothesis>(BeamSize) { [start.Key] = start };
    }

    private void Step(ReadOnlySpan<float> frame)
    {
        var parents = _beam.Values.ToList();
        int count = 0;
        for (int h = 0; h < parents.Count; h++)
        {
            var parent = parents[h];
            parent.Prediction ??= _joint.PredictionOutput(parent.Context);
            _joint.JointLogits(frame, parent.Prediction, _logits);
            Softmax.LogSoftmax(_logits, _logProbs);
            for (int k = 0; k < _logProbs.Length; k++)
            {
                count = BeamCandidates.Insert(_top, count, new Candidate(parent.LogProbability + _logProbs[k], h, k, _logProbs[k]));
            }
        }

        var next = new Dictionary<string, Hypothesis>(count);
        for (int i = 0; i < count; i++)
        {
            var extended = Extend(parents[_top[i].Parent], _top[i]);
            if (next.TryGetValue(extended.Key, out var existing))
            {
                // Same history reached by another alignment: the probabilities add; the first one's details stay.
                existing.LogProbability = LogAdd(existing.LogProbability, extended.LogProbability);
            }
            else
            {
                next.Add(extended.Key, extended);
            }
        }

        _beam = next;
        CheckForHit();
    }

    private Hypothesis Extend(Hypothesis parent, Candidate candidate)
    {
        int k = candidate.Token;
        if (k == _joint.BlankId || k == _joint.UnknownId)
        {
            return parent.AfterBlank(candidate.Score);
        }

        int state = _graph.Step(parent.GraphState, k, out float bonus);
        return state == _graph.Root
            ? Hypothesis.Start(_startContext, _startPrediction) with { LogProbability = candidate.Score + bonus }
            : parent.After(k, _frame, MathF.Exp(candidate.TokenLogProbability), state, candidate.Score + bonus);
    }

    private void CheckForHit()
    {
        var best = Best;
        int end = _graph.MatchedEnd(best.GraphState);
        if (end < 0 || best.TrailingBlanks <= TrailingBlanks)
        {
            return;
        }

        int depth = _graph.DepthOf(end);
        // As sherpa-onnx does, the average runs over the first tokens of the hypothesis' history, which is the
        // keyword itself unless a failure link kept a longer prefix.
        float confidence = best.Probabilities.Take(depth).Sum() / depth;
        if (confidence < _graph.ThresholdOf(end))
        {
            return;
        }

        int first = best.Frames[^depth];
        _hits.Add(new Hit(_graph.KeywordAt(end), first, best.Frames[^1], confidence));
        StartOver();
    }

    private static double LogAdd(double a, double b)
    {
        double max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }

    private readonly record struct Candidate(double Score, int Parent, int Token, float TokenLogProbability) : IBeamCandidate;

    private readonly record struct Hit(Keyword Keyword, int FirstFrame, int LastFrame, float Confidence);

    // Tokens since the hypothesis last left the root, with the frame and probability of each.
    private sealed record Hypothesis(
        string Key, long[] Context, int GraphState, int[] Frames, float[] Probabilities, int TrailingBlanks)
    {
        public double LogProbability { get; set; }

        public float[]? Prediction { get; set; }

        public static Hypothesis Start(long[] context, float[] prediction) =>
            new(string.Empty, context, 0, [], [], 0) { Prediction = prediction };

        public Hypothesis AfterBlank(double logProbability) =>
            this with { TrailingBlanks = TrailingBlanks + 1, LogProbability = logProbability };

        public Hypothesis After(int token, int frame, float probability, int state, double logProbability)
        {
            var context = new long[Context.Length];
            Context.AsSpan(1).CopyTo(context);
            context[^1] = token;
            return new Hypothesis(Key + "," + token, context, state, [.. Frames, frame], [.. Probabilities, probability], 0)
            {
                LogProbability = logProbability,
            };
        }
    }
}

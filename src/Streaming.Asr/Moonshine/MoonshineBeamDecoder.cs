using Streaming.Asr.Hotwords;
using Streaming.Asr.Transducer;
using Streaming.Inference;

namespace Streaming.Asr.Moonshine;

/// <summary>
/// Beam search over Moonshine's decoder with optional hotword shallow fusion: each hypothesis carries its
/// log-probability plus context-graph bonus, its <see cref="ContextGraph"/> state, and the row of the last
/// decoder run that holds its self-attention KV cache. Each step extends every hypothesis by its <c>beam</c>
/// most likely tokens and by every token that starts or continues a hotword (so a hotword the model ranks low
/// can still enter the beam), keeps the best <c>beam</c> extensions, and runs the decoder once for all of them:
/// one batched call whose rows are the survivors, each fed its parent's cache row, with the hidden states and
/// cross-attention cache repeated per row once per segment (<see cref="MoonshineStepContext"/>). Search stops
/// when <c>beam</c> hypotheses have ended and the best ended one scores at least as well as every open one.
/// </summary>
internal sealed class MoonshineBeamDecoder : IMoonshineDecoder
{
    private readonly MoonshineDecoderRunner _runner;
    private readonly int _beamSize;
    private readonly ContextGraph? _graph;
    private readonly HashSet<int> _biased = [];
    private readonly Stack<float[]> _spare = new();
    private readonly Candidate[] _top;
    private readonly int[] _best;
    private readonly int[] _tokens;
    private readonly int[] _rows;

    public MoonshineBeamDecoder(MoonshineModel model, int beamSize, ContextGraph? graph)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamSize, 1);
        _runner = new MoonshineDecoderRunner(model);
        _beamSize = beamSize;
        _graph = graph;
        _top = new Candidate[beamSize];
        _best = new int[beamSize];
        _tokens = new int[beamSize];
        _rows = new int[beamSize];
    }

    /// <inheritdoc />
    /// <remarks>The draft is not used: beam search needs every hypothesis's scores at every step.</remarks>
    public List<ScoredToken> Decode(NamedTensor hiddenStates, int maxTokens, IReadOnlyList<ScoredToken> forced, IReadOnlyList<ScoredToken> draft)
    {
        using var prompt = _runner.RunPrompt(hiddenStates, forced, []);
        int vocab = (int)prompt[0].Shape[^1];
        ReadOnlySpan<float> logits = prompt[0].Span<float>();
        var prefix = new ScoredToken[forced.Count];
        int state = 0;
        double bonus = 0;
        for (int i = 0; i < forced.Count; i++)
        {
            int id = forced[i].Id;
            prefix[i] = new ScoredToken(id, Softmax.Probability(logits.Slice(i * vocab, vocab), id));
            if (_graph is not null)
            {
                state = _graph.Step(state, id, out float b);
                bonus += b;
            }
        }

        var beam = new List<Hypothesis> { new(prefix, bonus, state, 0, LogProbabilities(logits.Slice(forced.Count * vocab, vocab))) };
        var ended = new List<Hypothesis>();
        using var context = new MoonshineStepContext(hiddenStates, prompt, _runner.Layers, _beamSize);
        var source = prompt;
        try
        {
            while (beam.Count > 0 && !Settled(beam, ended))
            {
                var step = Advance(beam, ended, source, context, maxTokens, out beam);
                if (source != prompt)
                {
                    source.Dispose();
                }

                source = step ?? prompt;
            }
        }
        finally
        {
            if (source != prompt)
            {
                source.Dispose();
            }

            beam.ForEach(Release);
        }

        var best = ended.Count > 0 ? ended.MaxBy(h => h.Score)! : null;
        return best is null ? [.. prefix] : [.. best.Tokens];
    }

    private bool Settled(List<Hypothesis> beam, List<Hypothesis> ended) =>
        ended.Count >= _beamSize && ended.Max(h => h.Score) >= beam.Max(h => h.Score);

    /// <summary>
    /// Extends the beam by one token: ended extensions go to <paramref name="ended"/>, the rest become
    /// <paramref name="next"/>, whose caches are the rows of the returned decoder outputs (null when none continue).
    /// </summary>
    private ModelOutputs? Advance(
        List<Hypothesis> beam, List<Hypothesis> ended, ModelOutputs source, MoonshineStepContext context, int maxTokens, out List<Hypothesis> next)
    {
        int count = 0;
        for (int h = 0; h < beam.Count; h++)
        {
            count = Expand(beam[h], h, count);
        }

        var continuing = new List<(ScoredToken[] Tokens, Candidate Candidate)>(count);
        for (int i = 0; i < count; i++)
        {
            var c = _top[i];
            var parent = beam[c.Parent];
            if (c.Token == MoonshineModel.EosId)
            {
                ended.Add(new Hypothesis(parent.Tokens, c.Score, c.State, -1, null));
                continue;
            }

            ScoredToken[] tokens = [.. parent.Tokens, new ScoredToken(c.Token, MathF.Exp(c.LogProbability))];
            if (tokens.Length >= maxTokens)
            {
                double closing = _graph?.Finish(c.State) ?? 0;
                ended.Add(new Hypothesis(tokens, c.Score + closing, c.State, -1, null));
                continue;
            }

            _tokens[continuing.Count] = c.Token;
            _rows[continuing.Count] = parent.Row;
            continuing.Add((tokens, c));
        }

        beam.ForEach(Release);
        next = new List<Hypothesis>(continuing.Count);
        if (continuing.Count == 0)
        {
            return null;
        }

        var outputs = _runner.RunStep(_tokens.AsSpan(0, continuing.Count), _rows.AsSpan(0, continuing.Count), source, context);
        int vocab = (int)outputs[0].Shape[^1];
        var logits = outputs[0].Span<float>();
        for (int r = 0; r < continuing.Count; r++)
        {
            var (tokens, c) = continuing[r];
            next.Add(new Hypothesis(tokens, c.Score, c.State, r, LogProbabilities(logits.Slice(r * vocab, vocab))));
        }

        return outputs;
    }

    /// <summary>Offers the extensions of one hypothesis to <see cref="_top"/>; returns the new count.</summary>
    private int Expand(Hypothesis hypothesis, int index, int count)
    {
        float[] logProbs = hypothesis.LogProbs!;
        _biased.Clear();
        if (_graph is not null)
        {
            _graph.ContinuationTokens(hypothesis.State, _biased);
            foreach (int token in _graph.RootTokens)
            {
                _biased.Add(token);
            }
        }

        int best = TopTokens(logProbs);
        for (int i = 0; i < best; i++)
        {
            if (!_biased.Contains(_best[i]))
            {
                count = Offer(hypothesis, index, _best[i], logProbs[_best[i]], count);
            }
        }

        foreach (int token in _biased)
        {
            if ((uint)token < (uint)logProbs.Length)
            {
                count = Offer(hypothesis, index, token, logProbs[token], count);
            }
        }

        return count;
    }

    private int Offer(Hypothesis hypothesis, int index, int token, float logProb, int count)
    {
        int state = hypothesis.State;
        float bonus = 0;
        if (_graph is not null)
        {
            if (token == MoonshineModel.EosId)
            {
                bonus = _graph.Finish(state);
                state = _graph.Root;
            }
            else
            {
                state = _graph.Step(state, token, out bonus);
            }
        }

        return BeamCandidates.Insert(_top, count, new Candidate(hypothesis.Score + logProb + bonus, index, token, logProb, state));
    }

    /// <summary>Writes the ids of the <c>beam</c> largest log-probabilities to <see cref="_best"/>; returns how many.</summary>
    private int TopTokens(float[] logProbs)
    {
        int count = 0;
        for (int k = 0; k < logProbs.Length; k++)
        {
            if (count == _best.Length && logProbs[k] <= logProbs[_best[count - 1]])
            {
                continue;
            }

            int position = count == _best.Length ? count - 1 : count;
            while (position > 0 && logProbs[_best[position - 1]] < logProbs[k])
            {
                _best[position] = _best[position - 1];
                position--;
            }

            _best[position] = k;
            count = Math.Min(count + 1, _best.Length);
        }

        return count;
    }

    private float[] LogProbabilities(ReadOnlySpan<float> logits)
    {
        float[] buffer = _spare.Count > 0 && _spare.Peek().Length == logits.Length ? _spare.Pop() : new float[logits.Length];
        Softmax.LogSoftmax(logits, buffer);
        return buffer;
    }

    private void Release(Hypothesis hypothesis)
    {
        if (hypothesis.LogProbs is not null && _spare.Count < 2 * _beamSize)
        {
            _spare.Push(hypothesis.LogProbs);
        }
    }

    private readonly record struct Candidate(double Score, int Parent, int Token, float LogProbability, int State) : IBeamCandidate;

    /// <summary>A search path; <see cref="Row"/> is its cache's row in the last decoder outputs (-1 once ended).</summary>
    private sealed record Hypothesis(
        ScoredToken[] Tokens, double Score, int State, int Row, float[]? LogProbs);
}

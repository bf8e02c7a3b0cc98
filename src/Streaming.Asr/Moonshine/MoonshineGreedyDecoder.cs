using Streaming.Inference;

namespace Streaming.Asr.Moonshine;

/// <summary>
/// KV-cached greedy decoding with Moonshine's merged decoder: one prompt run over BOS plus any forced
/// prefix, then one step per token, each with the previous step's self-attention cache.
/// </summary>
internal sealed class MoonshineGreedyDecoder(MoonshineModel model) : IMoonshineDecoder
{
    private readonly MoonshineDecoderRunner _runner = new(model);

    /// <inheritdoc />
    public List<ScoredToken> Decode(NamedTensor hiddenStates, int maxTokens, IReadOnlyList<ScoredToken> forced)
    {
        var tokens = new List<ScoredToken>(maxTokens);
        using var first = _runner.RunPrompt(hiddenStates, forced);
        int vocab = (int)first[0].Shape[^1];
        ReadOnlySpan<float> logits = first[0].Span<float>();
        for (int i = 0; i < forced.Count; i++)
        {
            int id = forced[i].Id;
            tokens.Add(new ScoredToken(id, Softmax.Probability(logits.Slice(i * vocab, vocab), id)));
        }

        int next = Softmax.ArgMax(logits.Slice(forced.Count * vocab, vocab), out float probability);
        using var context = new MoonshineStepContext(hiddenStates, first, _runner.Layers, rows: 1);
        ModelOutputs? previous = null;
        try
        {
            while (next != MoonshineModel.EosId && tokens.Count < maxTokens)
            {
                tokens.Add(new ScoredToken(next, probability));
                if (tokens.Count == maxTokens)
                {
                    break;
                }

                var step = _runner.RunStep([next], [0], previous ?? first, context);
                previous?.Dispose();
                previous = step;
                next = Softmax.ArgMax(step[0].Span<float>(), out probability);
            }
        }
        finally
        {
            previous?.Dispose();
        }

        return tokens;
    }
}

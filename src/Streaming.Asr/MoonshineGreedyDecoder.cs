using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr;

/// <summary>
/// KV-cached greedy decoding with Moonshine's merged decoder. The first call runs the no-cache branch
/// (<c>use_cache_branch = false</c>, empty past) over BOS plus any forced prefix in one pass; each later
/// step feeds one token with the self-attention <c>present.*</c> of the previous step and the
/// cross-attention <c>present.*</c> of the first step as <c>past_key_values.*</c>. Owns per-stream
/// buffers so steps do not allocate input tensors.
/// </summary>
internal sealed class MoonshineGreedyDecoder : IDisposable
{
    private readonly MoonshineModel _model;
    private readonly MoonshineDecoderLayout _layout;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _firstOutputNames;
    private readonly string[] _stepOutputNames;
    private readonly OrtValue[] _inputs;
    private readonly long[] _stepToken = new long[1];
    private readonly OrtValue _stepTokenValue;
    private readonly OrtValue _useCache;
    private readonly OrtValue _noCache;

    public MoonshineGreedyDecoder(MoonshineModel model)
    {
        _model = model;
        _layout = model.Layout;
        _inputNames =
        [
            MoonshineDecoderLayout.InputIds, MoonshineDecoderLayout.EncoderHiddenStates,
            .. _layout.SelfAttentionPast, .. _layout.CrossAttentionPast, MoonshineDecoderLayout.UseCacheBranch,
        ];
        _firstOutputNames = [MoonshineDecoderLayout.Logits, .. _layout.SelfAttentionPresent, .. _layout.CrossAttentionPresent];
        _stepOutputNames = [MoonshineDecoderLayout.Logits, .. _layout.SelfAttentionPresent];
        _inputs = new OrtValue[_inputNames.Length];
        _stepTokenValue = OrtValue.CreateTensorValueFromMemory(_stepToken, [1, 1]);
        _useCache = OrtValue.CreateTensorValueFromMemory(new[] { true }, [1]);
        _noCache = OrtValue.CreateTensorValueFromMemory(new[] { false }, [1]);
    }

    public RunOptions RunOptions => _runOptions;

    /// <summary>
    /// Decodes greedily after <paramref name="forced"/> (whose probabilities are recomputed for this audio),
    /// stopping at EOS or after <paramref name="maxTokens"/> tokens in all.
    /// </summary>
    public List<ScoredToken> Decode(OrtValue hiddenStates, int maxTokens, IReadOnlyList<ScoredToken> forced)
    {
        int layers = _layout.SelfAttentionPast.Length;
        var tokens = new List<ScoredToken>(maxTokens);
        long[] prompt = new long[forced.Count + 1];
        prompt[0] = MoonshineModel.BosId;
        for (int i = 0; i < forced.Count; i++)
        {
            prompt[i + 1] = forced[i].Id;
        }

        using var promptValue = OrtValue.CreateTensorValueFromMemory(prompt, [1, prompt.Length]);
        _inputs[0] = promptValue;
        _inputs[1] = hiddenStates;
        for (int i = 0; i < 2 * layers; i++)
        {
            _inputs[2 + i] = _model.EmptyPast;
        }

        _inputs[^1] = _noCache;
        using var first = _model.Decoder.Run(_runOptions, _inputNames, _inputs, _firstOutputNames);
        int vocab = (int)first[0].GetTensorTypeAndShape().Shape[^1];
        ReadOnlySpan<float> logits = first[0].GetTensorDataAsSpan<float>();
        for (int i = 0; i < forced.Count; i++)
        {
            int id = forced[i].Id;
            tokens.Add(new ScoredToken(id, Softmax.Probability(logits.Slice(i * vocab, vocab), id)));
        }

        int next = Softmax.ArgMax(logits.Slice(forced.Count * vocab, vocab), out float probability);

        // Cross-attention caches stay fixed from here on; the self-attention cache is replaced each step.
        for (int i = 0; i < layers; i++)
        {
            _inputs[2 + i] = first[1 + i];
            _inputs[2 + layers + i] = first[1 + layers + i];
        }

        _inputs[0] = _stepTokenValue;
        _inputs[^1] = _useCache;
        IDisposableReadOnlyCollection<OrtValue>? previous = null;
        try
        {
            while (next != MoonshineModel.EosId && tokens.Count < maxTokens)
            {
                tokens.Add(new ScoredToken(next, probability));
                if (tokens.Count == maxTokens)
                {
                    break;
                }

                _stepToken[0] = next;
                var step = _model.Decoder.Run(_runOptions, _inputNames, _inputs, _stepOutputNames);
                previous?.Dispose();
                previous = step;
                for (int i = 0; i < layers; i++)
                {
                    _inputs[2 + i] = step[1 + i];
                }

                next = Softmax.ArgMax(step[0].GetTensorDataAsSpan<float>(), out probability);
            }
        }
        finally
        {
            previous?.Dispose();
            Array.Clear(_inputs);
        }

        return tokens;
    }

    public void Dispose()
    {
        _noCache.Dispose();
        _useCache.Dispose();
        _stepTokenValue.Dispose();
        _runOptions.Dispose();
    }
}

using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr;

/// <summary>
/// Runs Moonshine's merged decoder for one stream. <see cref="RunPrompt"/> takes the no-cache branch
/// (<c>use_cache_branch = false</c>, empty past) over BOS plus a forced prefix in one pass; its outputs are
/// the logits of every prompt position, then the self-attention and the cross-attention <c>present.*</c>.
/// <see cref="RunStep"/> feeds one token with a self-attention cache (the <c>present.*</c> of the run that
/// produced it, at outputs 1..layers) and the prompt run's fixed cross-attention cache. Owns reusable input
/// buffers, so steps do not allocate input tensors; callers dispose the returned outputs.
/// </summary>
internal sealed class MoonshineDecoderRunner : IDisposable
{
    private readonly MoonshineModel _model;
    private readonly string[] _inputNames;
    private readonly string[] _promptOutputNames;
    private readonly string[] _stepOutputNames;
    private readonly OrtValue[] _inputs;
    private readonly long[] _stepToken = new long[1];
    private readonly OrtValue _stepTokenValue;
    private readonly OrtValue _useCache;
    private readonly OrtValue _noCache;

    public MoonshineDecoderRunner(MoonshineModel model)
    {
        _model = model;
        var layout = model.Layout;
        Layers = layout.SelfAttentionPast.Length;
        _inputNames =
        [
            MoonshineDecoderLayout.InputIds, MoonshineDecoderLayout.EncoderHiddenStates,
            .. layout.SelfAttentionPast, .. layout.CrossAttentionPast, MoonshineDecoderLayout.UseCacheBranch,
        ];
        _promptOutputNames = [MoonshineDecoderLayout.Logits, .. layout.SelfAttentionPresent, .. layout.CrossAttentionPresent];
        _stepOutputNames = [MoonshineDecoderLayout.Logits, .. layout.SelfAttentionPresent];
        _inputs = new OrtValue[_inputNames.Length];
        _stepTokenValue = OrtValue.CreateTensorValueFromMemory(_stepToken, [1, 1]);
        _useCache = OrtValue.CreateTensorValueFromMemory(new[] { true }, [1]);
        _noCache = OrtValue.CreateTensorValueFromMemory(new[] { false }, [1]);
    }

    public RunOptions RunOptions { get; } = new();

    /// <summary>Decoder layers (self-attention cache tensors per run).</summary>
    public int Layers { get; }

    /// <summary>Runs BOS followed by <paramref name="forced"/>; the logits hold one row per prompt token.</summary>
    public IDisposableReadOnlyCollection<OrtValue> RunPrompt(OrtValue hiddenStates, IReadOnlyList<ScoredToken> forced)
    {
        long[] prompt = new long[forced.Count + 1];
        prompt[0] = MoonshineModel.BosId;
        for (int i = 0; i < forced.Count; i++)
        {
            prompt[i + 1] = forced[i].Id;
        }

        using var promptValue = OrtValue.CreateTensorValueFromMemory(prompt, [1, prompt.Length]);
        _inputs[0] = promptValue;
        _inputs[1] = hiddenStates;
        for (int i = 0; i < 2 * Layers; i++)
        {
            _inputs[2 + i] = _model.EmptyPast;
        }

        _inputs[^1] = _noCache;
        try
        {
            return _model.Decoder.Run(RunOptions, _inputNames, _inputs, _promptOutputNames);
        }
        finally
        {
            Array.Clear(_inputs);
        }
    }

    /// <summary>Runs one token after the cache in <paramref name="selfCache"/> (outputs of a prompt or step run).</summary>
    public IDisposableReadOnlyCollection<OrtValue> RunStep(
        int token, OrtValue hiddenStates, IReadOnlyList<OrtValue> selfCache, IReadOnlyList<OrtValue> promptOutputs)
    {
        _stepToken[0] = token;
        _inputs[0] = _stepTokenValue;
        _inputs[1] = hiddenStates;
        for (int i = 0; i < Layers; i++)
        {
            _inputs[2 + i] = selfCache[1 + i];
            _inputs[2 + Layers + i] = promptOutputs[1 + Layers + i];
        }

        _inputs[^1] = _useCache;
        try
        {
            return _model.Decoder.Run(RunOptions, _inputNames, _inputs, _stepOutputNames);
        }
        finally
        {
            Array.Clear(_inputs);
        }
    }

    public void Dispose()
    {
        _noCache.Dispose();
        _useCache.Dispose();
        _stepTokenValue.Dispose();
        RunOptions.Dispose();
    }
}

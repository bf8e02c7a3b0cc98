using Streaming.Inference;

namespace Streaming.Asr.Moonshine;

/// <summary>
/// Runs Moonshine's merged decoder for one stream. <see cref="RunPrompt"/> takes the no-cache branch
/// (<c>use_cache_branch = false</c>, empty past) over BOS plus a forced prefix in one pass; its outputs are
/// the logits of every prompt position, then the self-attention and the cross-attention <c>present.*</c>.
/// <see cref="RunStep"/> feeds one token per hypothesis, each with a self-attention cache row (of the
/// <c>present.*</c> of the run that produced it, at outputs 1..layers) and the prompt run's fixed
/// cross-attention cache. A single hypothesis's cache is passed back as a view of the earlier output, never
/// copied (except when <see cref="Truncate"/> drops rejected draft positions); callers dispose the returned outputs.
/// </summary>
internal sealed class MoonshineDecoderRunner
{
    private readonly MoonshineModel _model;
    private readonly string[] _selfPast;
    private readonly string[] _crossPast;
    private readonly NamedTensor _useCache;
    private readonly NamedTensor _noCache;
    private readonly NamedTensor _emptyPast;
    private readonly List<NamedTensor> _inputs;
    private readonly string[] _promptOutputs;
    private readonly string[] _stepOutputs;

    public MoonshineDecoderRunner(MoonshineModel model)
    {
        _model = model;
        var layout = model.Layout;
        Layers = layout.SelfAttentionPast.Length;
        _selfPast = layout.SelfAttentionPast;
        _crossPast = layout.CrossAttentionPast;
        _useCache = NamedTensor.Over(MoonshineDecoderLayout.UseCacheBranch, [1], new[] { true });
        _noCache = NamedTensor.Over(MoonshineDecoderLayout.UseCacheBranch, [1], new[] { false });
        _emptyPast = new NamedTensor("past", TensorElementKind.Float32, [1, layout.Heads, 0, layout.HeadDimension], Memory<byte>.Empty);
        _inputs = new List<NamedTensor>(3 + (2 * Layers));
        _promptOutputs = [MoonshineDecoderLayout.Logits, .. layout.SelfAttentionPresent, .. layout.CrossAttentionPresent];

        // Steps leave the cross-attention cache as the prompt run made it, so it is not fetched again.
        _stepOutputs = [MoonshineDecoderLayout.Logits, .. layout.SelfAttentionPresent];
    }

    /// <summary>Decoder layers (self-attention cache tensors per run).</summary>
    public int Layers { get; }

    /// <summary>
    /// Runs BOS followed by <paramref name="forced"/> and then <paramref name="draft"/> in one pass; the logits
    /// hold one row per prompt token (row <c>i</c> predicts the token after prompt position <c>i</c>).
    /// </summary>
    public ModelOutputs RunPrompt(NamedTensor hiddenStates, IReadOnlyList<ScoredToken> forced, IReadOnlyList<ScoredToken> draft)
    {
        long[] prompt = new long[forced.Count + draft.Count + 1];
        prompt[0] = MoonshineModel.BosId;
        for (int i = 0; i < forced.Count; i++)
        {
            prompt[i + 1] = forced[i].Id;
        }

        for (int i = 0; i < draft.Count; i++)
        {
            prompt[forced.Count + i + 1] = draft[i].Id;
        }

        _inputs.Clear();
        _inputs.Add(NamedTensor.Over(MoonshineDecoderLayout.InputIds, [1, prompt.Length], prompt));
        _inputs.Add(hiddenStates.Rename(MoonshineDecoderLayout.EncoderHiddenStates));
        for (int i = 0; i < Layers; i++)
        {
            _inputs.Add(_emptyPast.Rename(_selfPast[i]));
            _inputs.Add(_emptyPast.Rename(_crossPast[i]));
        }

        _inputs.Add(_noCache);
        return _model.Decoder.Run(_inputs, _promptOutputs);
    }

    /// <summary>
    /// Runs one decoder step for the hypotheses of one segment at once: row <c>i</c> feeds
    /// <paramref name="tokens"/>[i] after the self-attention cache in row <paramref name="rows"/>[i] of
    /// <paramref name="source"/> (a prompt or an earlier step). <paramref name="context"/> holds the hidden
    /// states and cross-attention cache repeated for every row. The outputs have one row per token.
    /// </summary>
    public ModelOutputs RunStep(ReadOnlySpan<int> tokens, ReadOnlySpan<int> rows, ModelOutputs source, MoonshineStepContext context)
    {
        int n = tokens.Length;
        var ids = new long[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = tokens[i];
        }

        var gathered = new byte[Layers][];
        try
        {
            _inputs.Clear();
            _inputs.Add(NamedTensor.Over(MoonshineDecoderLayout.InputIds, [n, 1], ids));
            _inputs.Add(context.HiddenRows(n));
            bool inPlace = InOrder(rows, source[1].Shape[0]);
            for (int i = 0; i < Layers; i++)
            {
                var cache = source[1 + i];
                _inputs.Add(inPlace ? cache.Rename(_selfPast[i]) : Gather(cache, rows, _selfPast[i], out gathered[i]));
                _inputs.Add(context.CrossRows(i, n, _crossPast[i]));
            }

            _inputs.Add(_useCache);
            return _model.Decoder.Run(_inputs, _stepOutputs);
        }
        finally
        {
            foreach (var buffer in gathered)
            {
                if (buffer is not null)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
    }

    /// <summary>
    /// The self-attention caches of a one-row <paramref name="prompt"/> cut to their first <paramref name="positions"/>
    /// positions, copied into caller-owned arrays, in the layout <see cref="RunStep"/> reads a source in (output 0
    /// is an empty placeholder for the logits): what a step needs after the prompt's later draft positions were rejected.
    /// </summary>
    public ModelOutputs Truncate(ModelOutputs prompt, int positions)
    {
        var tensors = new NamedTensor[1 + Layers];
        tensors[0] = new NamedTensor(MoonshineDecoderLayout.Logits, TensorElementKind.Float32, [0], Memory<byte>.Empty);
        for (int i = 0; i < Layers; i++)
        {
            var cache = prompt[1 + i];
            long[] shape = cache.Shape; // [1, heads, length, head_dim]
            int heads = (int)shape[1];
            int rowFloats = (int)shape[3];
            var source = cache.Span<float>();
            var kept = new float[heads * positions * rowFloats];
            for (int h = 0; h < heads; h++)
            {
                source.Slice(h * (int)shape[2] * rowFloats, positions * rowFloats).CopyTo(kept.AsSpan(h * positions * rowFloats));
            }

            tensors[1 + i] = NamedTensor.Over(cache.Name, [1, heads, positions, rowFloats], kept);
        }

        return new ModelOutputs(tensors);
    }

    /// <summary>Whether <paramref name="rows"/> are 0, 1, ... of a source with exactly that many rows, so its caches can be fed as they are.</summary>
    private static bool InOrder(ReadOnlySpan<int> rows, long sourceRows)
    {
        if (rows.Length != sourceRows)
        {
            return false;
        }

        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r] != r)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <paramref name="rows"/> of <paramref name="cache"/>, in that order, in a pooled buffer the caller returns.</summary>
    private static NamedTensor Gather(NamedTensor cache, ReadOnlySpan<int> rows, string name, out byte[] buffer)
    {
        int rowBytes = cache.Data.Length / (int)cache.Shape[0];
        buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(rows.Length * rowBytes);
        for (int r = 0; r < rows.Length; r++)
        {
            cache.Data.Span.Slice(rows[r] * rowBytes, rowBytes).CopyTo(buffer.AsSpan(r * rowBytes));
        }

        return new NamedTensor(name, TensorElementKind.Float32, [rows.Length, .. cache.Shape[1..]], buffer.AsMemory(0, rows.Length * rowBytes));
    }
}

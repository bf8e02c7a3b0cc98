using Streaming.Inference;

namespace Streaming.Asr.Moonshine;

/// <summary>
/// Input and output names of Moonshine's merged decoder, discovered from the model: one
/// <c>past_key_values.{layer}.{decoder|encoder}.{key|value}</c> input per cache tensor, answered by the
/// matching <c>present.*</c> output, plus <c>input_ids</c>, <c>encoder_hidden_states</c> and
/// <c>use_cache_branch</c>.
/// </summary>
internal sealed class MoonshineDecoderLayout
{
    public const string InputIds = "input_ids";
    public const string EncoderHiddenStates = "encoder_hidden_states";
    public const string UseCacheBranch = "use_cache_branch";
    public const string Logits = "logits";
    private const string PastPrefix = "past_key_values.";

    private MoonshineDecoderLayout(string[] selfPast, string[] crossPast, int heads, int headDim)
    {
        SelfAttentionPast = selfPast;
        CrossAttentionPast = crossPast;
        Heads = heads;
        HeadDimension = headDim;
        SelfAttentionPresent = [.. selfPast.Select(ToPresent)];
        CrossAttentionPresent = [.. crossPast.Select(ToPresent)];
    }

    /// <summary>Past inputs of the growing self-attention cache, in layer order.</summary>
    public string[] SelfAttentionPast { get; }

    /// <summary>Past inputs of the cross-attention cache (fixed once the first step has run).</summary>
    public string[] CrossAttentionPast { get; }

    public string[] SelfAttentionPresent { get; }

    public string[] CrossAttentionPresent { get; }

    public int Heads { get; }

    public int HeadDimension { get; }

    public static MoonshineDecoderLayout From(IAcousticModel decoder)
    {
        var inputs = decoder.InputNames;
        foreach (string required in new[] { InputIds, EncoderHiddenStates, UseCacheBranch })
        {
            if (!inputs.Contains(required))
            {
                throw new InvalidDataException($"Moonshine decoder has no '{required}' input; expected a merged decoder.");
            }
        }

        string[] past = [.. decoder.InputNames.Where(n => n.StartsWith(PastPrefix, StringComparison.Ordinal))];
        string[] self = [.. past.Where(n => n.Contains(".decoder.", StringComparison.Ordinal))];
        string[] cross = [.. past.Where(n => n.Contains(".encoder.", StringComparison.Ordinal))];
        if (self.Length == 0 || self.Length != cross.Length)
        {
            throw new InvalidDataException("Moonshine decoder has no matching past_key_values.*.decoder/encoder inputs.");
        }

        foreach (string name in past)
        {
            if (!decoder.OutputNames.Contains(ToPresent(name)))
            {
                throw new InvalidDataException($"Moonshine decoder has no output '{ToPresent(name)}' for '{name}'.");
            }
        }

        long[] dims = decoder.InputShapes[inputs.ToList().IndexOf(self[0])];
        if (dims.Length != 4 || dims[1] <= 0 || dims[3] <= 0)
        {
            throw new InvalidDataException($"Moonshine decoder input '{self[0]}' must be [batch, heads, length, head_dim] with fixed heads and head_dim.");
        }

        return new MoonshineDecoderLayout(self, cross, (int)dims[1], (int)dims[3]);
    }

    private static string ToPresent(string pastName) => "present." + pastName[PastPrefix.Length..];
}

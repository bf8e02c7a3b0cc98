using Streaming.Inference;

namespace Streaming.Asr.Moonshine;

/// <summary>A Moonshine token search over one segment's encoder output (greedy, or beam with hotword biasing).</summary>
internal interface IMoonshineDecoder
{
    /// <summary>
    /// Decodes after <paramref name="forced"/> (whose probabilities are recomputed for this audio), stopping
    /// at EOS or after <paramref name="maxTokens"/> tokens in all. <paramref name="draft"/> is a guess at the
    /// tokens after <paramref name="forced"/> (an earlier decode's) that a search may check in one pass. A
    /// draft can change the result where two tokens score almost alike (a pass over many positions rounds
    /// differently from one step per position), so finals, which must not depend on partials, pass none.
    /// </summary>
    List<ScoredToken> Decode(NamedTensor hiddenStates, int maxTokens, IReadOnlyList<ScoredToken> forced, IReadOnlyList<ScoredToken> draft);
}

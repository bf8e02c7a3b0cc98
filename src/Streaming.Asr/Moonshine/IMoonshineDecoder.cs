using Streaming.Inference;

namespace Streaming.Asr.Moonshine;

/// <summary>A Moonshine token search over one segment's encoder output (greedy, or beam with hotword biasing).</summary>
internal interface IMoonshineDecoder
{
    /// <summary>
    /// Decodes after <paramref name="forced"/> (whose probabilities are recomputed for this audio), stopping
    /// at EOS or after <paramref name="maxTokens"/> tokens in all.
    /// </summary>
    List<ScoredToken> Decode(NamedTensor hiddenStates, int maxTokens, IReadOnlyList<ScoredToken> forced);
}

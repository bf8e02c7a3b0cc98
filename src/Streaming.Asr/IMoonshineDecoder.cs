using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr;

/// <summary>A Moonshine token search over one segment's encoder output (greedy, or beam with hotword biasing).</summary>
internal interface IMoonshineDecoder : IDisposable
{
    /// <summary>Run options for the encoder and decoder runs of this stream.</summary>
    RunOptions RunOptions { get; }

    /// <summary>
    /// Decodes after <paramref name="forced"/> (whose probabilities are recomputed for this audio), stopping
    /// at EOS or after <paramref name="maxTokens"/> tokens in all.
    /// </summary>
    List<ScoredToken> Decode(OrtValue hiddenStates, int maxTokens, IReadOnlyList<ScoredToken> forced);
}

namespace Streaming.Asr.Keywords;

/// <summary>A phrase to spot and report while decoding (call-centre QA alerts), as opposed to a hotword, which only biases captions.</summary>
/// <param name="Phrase">The keyword as people write it (<c>文森特卡索</c>, <c>refund</c>); hits report it unchanged.</param>
/// <param name="Boost">Bonus per matched token in log-probability units; null means the engine's default.</param>
/// <param name="Threshold">
/// Trigger threshold on the keyword's average token probability, in (0, 1]; null means the engine's default.
/// </param>
/// <param name="Spelling">
/// The phrase spelt explicitly in the model's tokens (sherpa-onnx's <c>w én s ēn … @文森特卡索</c> form); null to let
/// the model spell <paramref name="Phrase"/> itself.
/// </param>
public sealed record Keyword(string Phrase, float? Boost = null, float? Threshold = null, IReadOnlyList<string>? Spelling = null);

namespace Streaming.Asr.Hotwords;

/// <summary>A phrase to favour while decoding.</summary>
/// <param name="Phrase">The phrase as it should be written (trimmed, non-empty).</param>
/// <param name="Boost">Bonus per matched token in log-probability units; null means the engine's default.</param>
public sealed record Hotword(string Phrase, float? Boost = null);

namespace Streaming.Asr;

/// <summary>A decoded token id with the probability the model gave it.</summary>
internal readonly record struct ScoredToken(int Id, float Probability);

namespace Streaming.Asr;

/// <summary>One recognised token.</summary>
/// <param name="Text">Token text; a leading space marks the start of a word.</param>
/// <param name="Start">Start time in seconds from the segment start.</param>
/// <param name="End">End time in seconds from the segment start.</param>
/// <param name="Confidence">Probability the model gave the chosen token, in [0, 1].</param>
public readonly record struct RecognizedToken(string Text, double Start, double End, float Confidence);

namespace Streaming.Asr.Text;

/// <summary>
/// Text of one output token group: a single piece, or a run of byte-fallback pieces that together form
/// UTF-8 characters.
/// </summary>
/// <param name="Text">Decoded text; a leading space marks a word start.</param>
/// <param name="First">Index of the group's first token id in the decoded id sequence.</param>
/// <param name="Count">Number of token ids in the group.</param>
public readonly record struct TokenSpan(string Text, int First, int Count);

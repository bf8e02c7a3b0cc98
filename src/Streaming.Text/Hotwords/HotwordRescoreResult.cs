namespace Streaming.Text.Hotwords;

/// <summary>Outcome of re-scoring a final.</summary>
/// <param name="Text">The text after corrections (the input when nothing was near enough).</param>
/// <param name="Hits">Hotwords present in <paramref name="Text"/>, recognised or corrected, in list order.</param>
/// <param name="Applied">The corrections made, left to right.</param>
public sealed record HotwordRescoreResult(string Text, IReadOnlyList<string> Hits, IReadOnlyList<HotwordCorrection> Applied);

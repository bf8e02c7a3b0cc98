namespace Streaming.Text.Hotwords;

/// <summary>A span of a final rewritten as a hotword.</summary>
/// <param name="Original">The text that was replaced.</param>
/// <param name="Hotword">The hotword written in its place.</param>
/// <param name="Similarity">Sound similarity of the two (0–1).</param>
public sealed record HotwordCorrection(string Original, string Hotword, double Similarity);

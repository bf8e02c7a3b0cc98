namespace Streaming.Asr.Keywords;

/// <summary>A keyword spotted in the audio.</summary>
/// <param name="Keyword">The keyword's phrase as the user wrote it (<see cref="Keywords.Keyword.Phrase"/>).</param>
/// <param name="Start">Start of the keyword in seconds from the segment start.</param>
/// <param name="End">End of the keyword in seconds from the segment start.</param>
/// <param name="Confidence">How sure the spotter is, in [0, 1] (the average probability of its tokens).</param>
public sealed record KeywordHit(string Keyword, double Start, double End, float Confidence);

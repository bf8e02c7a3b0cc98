namespace Streaming.Jobs;

/// <summary>A keyword of the job's list spotted in a segment.</summary>
/// <param name="Keyword">The keyword as it was written in the list.</param>
/// <param name="Start">Start in seconds from the start of the file.</param>
/// <param name="End">End in seconds from the start of the file.</param>
/// <param name="Confidence">How sure the spotter is, in [0, 1].</param>
public sealed record SegmentKeyword(string Keyword, double Start, double End, float Confidence);

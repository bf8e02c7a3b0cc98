namespace Streaming.Jobs;

/// <summary>One file's transcript: its name, length and segments.</summary>
/// <param name="Name">File name.</param>
/// <param name="Duration">Length in seconds, when known.</param>
/// <param name="Segments">Segments in order.</param>
public sealed record FileTranscript(string Name, double? Duration, IReadOnlyList<TranscriptSegment> Segments);

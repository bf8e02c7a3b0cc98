namespace Streaming.Jobs.Api;

/// <summary>The body of <c>GET /api/jobs/{id}</c>: the job, each file with its segments so far, and result links.</summary>
/// <param name="Id">Job id.</param>
/// <param name="State">Job state.</param>
/// <param name="Progress">0–100.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="Settings">The options it runs with.</param>
/// <param name="Files">Its files in upload order.</param>
/// <param name="Results">Download links by format name (the formats the job asked for).</param>
public sealed record JobView(
    string Id,
    JobState State,
    double Progress,
    DateTimeOffset CreatedAt,
    JobSettings Settings,
    IReadOnlyList<JobFileView> Files,
    IReadOnlyDictionary<string, string> Results);

/// <summary>One file in a <see cref="JobView"/>.</summary>
/// <param name="Id">File id.</param>
/// <param name="Name">File name.</param>
/// <param name="State">File state.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Duration">Length in seconds once finished.</param>
/// <param name="Attempts">Times a worker claimed it.</param>
/// <param name="Segments">Segments stored so far.</param>
public sealed record JobFileView(
    string Id,
    string Name,
    JobState State,
    double Progress,
    string? Error,
    double? Duration,
    int Attempts,
    IReadOnlyList<TranscriptSegment> Segments);

namespace Streaming.Jobs;

/// <summary>A job as a client sees it: its state, progress 0–100 and each file's state.</summary>
/// <param name="Id">The job id.</param>
/// <param name="State">Derived from the files: queued until one starts, running until all finish.</param>
/// <param name="Progress">Mean progress of the files, 0–100.</param>
/// <param name="CreatedAt">When the job was accepted.</param>
/// <param name="Settings">The client's choices.</param>
/// <param name="Files">The job's files, in upload order.</param>
public sealed record JobSnapshot(
    string Id,
    JobState State,
    double Progress,
    DateTimeOffset CreatedAt,
    JobSettings Settings,
    IReadOnlyList<JobFileSnapshot> Files)
{
    /// <summary>Builds a snapshot whose state and progress are derived from <paramref name="files"/>.</summary>
    public static JobSnapshot From(string id, bool cancelled, DateTimeOffset createdAt, JobSettings settings, IReadOnlyList<JobFileSnapshot> files)
    {
        var progress = files.Count == 0 ? 0 : Math.Round(files.Average(f => f.State.IsFinished() ? 100 : f.Progress), 1);
        JobState state;
        if (cancelled)
        {
            state = JobState.Cancelled;
        }
        else if (files.All(f => f.State == JobState.Failed))
        {
            state = JobState.Failed;
        }
        else if (files.All(f => f.State.IsFinished()))
        {
            state = JobState.Completed;
        }
        else
        {
            state = files.Any(f => f.State != JobState.Queued) ? JobState.Running : JobState.Queued;
        }

        return new JobSnapshot(id, state, progress, createdAt, settings, files);
    }
}

/// <summary>One file of a job.</summary>
/// <param name="Id">The file id (unique across jobs).</param>
/// <param name="Name">The uploaded file name, or the storage path it was read from.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Progress">Share of its audio processed, 0–100.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Duration">Length in seconds, once known.</param>
/// <param name="Attempts">How many times a worker claimed it.</param>
public sealed record JobFileSnapshot(string Id, string Name, JobState State, double Progress, string? Error, double? Duration, int Attempts);

/// <summary>One transcribed speech segment of a file.</summary>
/// <param name="Index">Position in the file, from 0, with no gaps.</param>
/// <param name="Start">Start in seconds from the start of the file.</param>
/// <param name="End">End in seconds.</param>
/// <param name="Text">The recognised text.</param>
/// <param name="ItnText">The written form, when ITN is on.</param>
public sealed record TranscriptSegment(int Index, double Start, double End, string Text, string? ItnText)
{
    /// <summary>The text to show: the written form when there is one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string DisplayText => ItnText ?? Text;

    /// <summary>Keywords of the job's list spotted in the segment, in order.</summary>
    public IReadOnlyList<SegmentKeyword> Keywords { get; init; } = [];

    /// <summary>Equal fields and equal keywords, in order (a record alone would compare the lists by reference).</summary>
    public bool Equals(TranscriptSegment? other) =>
        other is not null && (Index, Start, End, Text, ItnText) == (other.Index, other.Start, other.End, other.Text, other.ItnText)
        && Keywords.SequenceEqual(other.Keywords);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Start, End, Text, ItnText, Keywords.Count);
}

/// <summary>A file to add to a new job.</summary>
/// <param name="Name">Name shown to the client.</param>
/// <param name="Path">Where the audio is on this server's disk.</param>
public sealed record NewJobFile(string Name, string Path);

/// <summary>A file a worker has claimed, with where to resume it.</summary>
/// <param name="FileId">The file id.</param>
/// <param name="JobId">Its job.</param>
/// <param name="Name">Its name.</param>
/// <param name="Path">Where its audio is.</param>
/// <param name="Settings">Its job's settings.</param>
/// <param name="WorkerId">The worker that holds the lease.</param>
/// <param name="ResumeSample">The 16 kHz sample after the last persisted segment; 0 for a fresh file.</param>
/// <param name="NextIndex">Index the next segment gets.</param>
public sealed record ClaimedFile(string FileId, string JobId, string Name, string Path, JobSettings Settings, string WorkerId, long ResumeSample, int NextIndex);

using System.Text.Json.Serialization;

namespace Streaming.Jobs;

/// <summary>Where a job, or one file of it, stands. Serialised in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobState>))]
public enum JobState
{
    /// <summary>Waiting for a worker.</summary>
    [JsonStringEnumMemberName("queued")]
    Queued,

    /// <summary>A worker is transcribing it.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Finished; for a job, every file is finished and at least one succeeded.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>Could not be transcribed; for a job, every file failed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Cancelled by a client before it finished.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}

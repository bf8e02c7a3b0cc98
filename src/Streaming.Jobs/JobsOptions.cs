using System.ComponentModel.DataAnnotations;

namespace Streaming.Jobs;

/// <summary>
/// Settings of batch transcription jobs, bound from configuration section <c>Jobs</c> and validated at
/// start-up. The defaults run with no configuration: SQLite under <c>data/jobs</c>, one file in flight.
/// </summary>
public sealed class JobsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Jobs";

    /// <summary>Where uploads and the SQLite database live.</summary>
    [Required]
    public string DataDirectory { get; set; } = Path.Combine("data", "jobs");

    /// <summary><c>sqlite</c> (one server) or <c>postgres</c> (several servers sharing the queue).</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Jobs:Store must be sqlite or postgres.")]
    public string Store { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string; required when <see cref="Store"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The only directory a job's <c>url</c> may name files under; null refuses every <c>url</c>.
    /// </summary>
    public string? StorageRoot { get; set; }

    /// <summary>Largest accepted upload request, all files together.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest accepted single file.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Most files in one job.</summary>
    [Range(1, 10_000)]
    public int MaxFilesPerJob { get; set; } = 100;

    /// <summary>Files this server transcribes at once: bounds memory (one decoder, VAD and recogniser stream each).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 1;

    /// <summary>Speech segments decoded ahead of the recogniser per file (the batch queue between VAD and ASR).</summary>
    [Range(1, 256)]
    public int SegmentQueue { get; set; } = 4;

    /// <summary>How long a claimed file stays owned by a worker without renewal; a dead worker's file is retried after it.</summary>
    [Range(1, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>
    /// Pause between store polls: of the queue when no file is waiting, and of a job's state for event streams
    /// of jobs that another server runs.
    /// </summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Times a file is claimed before it is failed (a file that kills its worker must not loop forever).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Whether this server runs workers; false makes it an API-only front end.</summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>The ffmpeg executable; null searches PATH.</summary>
    public string? FfmpegPath { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid jobs options: {results[0].ErrorMessage}");
        }

        if (Store == "postgres" && string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("Invalid jobs options: Jobs:ConnectionString is required when Jobs:Store is postgres.");
        }

        if (StorageRoot is not null && !Directory.Exists(StorageRoot))
        {
            throw new ArgumentException($"Invalid jobs options: Jobs:StorageRoot '{StorageRoot}' does not exist.");
        }

        if (MaxFileBytes > MaxRequestBytes)
        {
            throw new ArgumentException("Invalid jobs options: Jobs:MaxFileBytes must not exceed Jobs:MaxRequestBytes.");
        }
    }
}

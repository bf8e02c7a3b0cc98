using System.Data.Common;
using System.Text.Json;

namespace Streaming.Jobs;

/// <summary>
/// <see cref="IJobStore"/> over ADO.NET with SQL that SQLite and PostgreSQL both accept; the subclasses supply
/// connections and the one dialect difference, the row lock of the claim query.
/// </summary>
public abstract class SqlJobStore : IJobStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY,
            created_ms BIGINT NOT NULL,
            settings TEXT NOT NULL,
            cancelled INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE IF NOT EXISTS job_files (
            id TEXT PRIMARY KEY,
            job_id TEXT NOT NULL REFERENCES jobs(id),
            ordinal INTEGER NOT NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            state TEXT NOT NULL,
            progress DOUBLE PRECISION NOT NULL DEFAULT 0,
            error TEXT,
            duration DOUBLE PRECISION,
            resume_sample BIGINT NOT NULL DEFAULT 0,
            worker TEXT,
            lease_until_ms BIGINT,
            attempts INTEGER NOT NULL DEFAULT 0,
            queued_ms BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS job_files_queue ON job_files (state, queued_ms);
        CREATE INDEX IF NOT EXISTS job_files_job ON job_files (job_id, ordinal);
        CREATE TABLE IF NOT EXISTS job_segments (
            file_id TEXT NOT NULL REFERENCES job_files(id),
            idx INTEGER NOT NULL,
            start_s DOUBLE PRECISION NOT NULL,
            end_s DOUBLE PRECISION NOT NULL,
            text TEXT NOT NULL,
            itn_text TEXT,
            keywords TEXT,
            PRIMARY KEY (file_id, idx));
        """;

    // A write by a worker counts only while the row still names it as the running owner.
    private const string HeldBy = "id = @id AND worker = @worker AND state = 'running'";

    private readonly TimeProvider _clock;

    /// <summary>Creates the store; <paramref name="clock"/> null means the system clock.</summary>
    protected SqlJobStore(TimeProvider? clock) => _clock = clock ?? TimeProvider.System;

    /// <summary>Appended to the claim's inner SELECT to lock the chosen row (empty where the statement is atomic anyway).</summary>
    protected abstract string ClaimRowLock { get; }

    /// <summary>Opens a connection to the store.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs before the schema is created, inside its transaction (e.g. to serialise concurrent start-ups).</summary>
    protected virtual Task BeforeSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await BeforeSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, Schema, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await AddKeywordsColumnAsync(cancellationToken).ConfigureAwait(false);
    }

    // Stores created before keyword spotting lack the column; both SQLite and PostgreSQL can add it in place.
    private async Task AddKeywordsColumnAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, "SELECT keywords FROM job_segments WHERE 1 = 0", cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            await ExecuteAsync(connection, null, "ALTER TABLE job_segments ADD COLUMN keywords TEXT", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task CreateJobAsync(string jobId, JobSettings settings, IReadOnlyList<NewJobFile> files, CancellationToken cancellationToken)
    {
        var now = NowMs();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO jobs (id, created_ms, settings, cancelled) VALUES (@id, @now, @settings, 0)",
            cancellationToken,
            ("id", jobId),
            ("now", now),
            ("settings", JsonSerializer.Serialize(settings, JobsJson.Options))).ConfigureAwait(false);
        for (var i = 0; i < files.Count; i++)
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO job_files (id, job_id, ordinal, name, path, state, queued_ms) VALUES (@id, @job, @ordinal, @name, @path, 'queued', @now)",
                cancellationToken,
                ("id", JobIds.New()),
                ("job", jobId),
                ("ordinal", i),
                ("name", files[i].Name),
                ("path", files[i].Path),
                ("now", now)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<JobSnapshot?> GetJobAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var jobCommand = Command(connection, transaction, "SELECT created_ms, settings, cancelled FROM jobs WHERE id = @id", ("id", jobId));
        long created;
        string settings;
        bool cancelled;
        await using (var reader = await jobCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            created = Convert.ToInt64(reader.GetValue(0));
            settings = reader.GetString(1);
            cancelled = Convert.ToInt64(reader.GetValue(2)) != 0;
        }

        await using var filesCommand = Command(
            connection,
            transaction,
            "SELECT id, name, state, progress, error, duration, attempts FROM job_files WHERE job_id = @id ORDER BY ordinal",
            ("id", jobId));
        var files = new List<JobFileSnapshot>();
        await using (var reader = await filesCommand.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                files.Add(new JobFileSnapshot(
                    reader.GetString(0),
                    reader.GetString(1),
                    JobStateNames.Parse(reader.GetString(2)),
                    Math.Round(Convert.ToDouble(reader.GetValue(3)), 1),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : Convert.ToDouble(reader.GetValue(5)),
                    Convert.ToInt32(reader.GetValue(6))));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return JobSnapshot.From(jobId, cancelled, DateTimeOffset.FromUnixTimeMilliseconds(created), ParseSettings(settings), files);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TranscriptSegment>> GetSegmentsAsync(string fileId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT idx, start_s, end_s, text, itn_text, keywords FROM job_segments WHERE file_id = @id ORDER BY idx", ("id", fileId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var segments = new List<TranscriptSegment>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            segments.Add(new TranscriptSegment(
                Convert.ToInt32(reader.GetValue(0)),
                Convert.ToDouble(reader.GetValue(1)),
                Convert.ToDouble(reader.GetValue(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4))
            {
                Keywords = reader.IsDBNull(5) ? [] : JsonSerializer.Deserialize<SegmentKeyword[]>(reader.GetString(5), JobsJson.Options) ?? [],
            });
        }

        return segments;
    }

    /// <inheritdoc />
    public async Task<bool> CancelJobAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var found = await ExecuteAsync(connection, transaction, "UPDATE jobs SET cancelled = 1 WHERE id = @id", cancellationToken, ("id", jobId)).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE job_files SET state = 'cancelled', worker = NULL, lease_until_ms = NULL WHERE job_id = @id AND state IN ('queued', 'running')",
            cancellationToken,
            ("id", jobId)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found > 0;
    }

    /// <inheritdoc />
    public async Task<ClaimedFile?> TryClaimFileAsync(string workerId, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        var now = NowMs();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE job_files SET state = 'failed', worker = NULL, lease_until_ms = NULL, error = @error " +
            "WHERE state = 'running' AND lease_until_ms < @now AND attempts >= @max",
            cancellationToken,
            ("error", $"Gave up after {maxAttempts} attempts: the worker processing this file stopped each time."),
            ("now", now),
            ("max", maxAttempts)).ConfigureAwait(false);

        await using var claim = Command(
            connection,
            transaction,
            "UPDATE job_files SET state = 'running', worker = @worker, lease_until_ms = @lease, attempts = attempts + 1 " +
            "WHERE id = (SELECT id FROM job_files WHERE state = 'queued' OR (state = 'running' AND lease_until_ms < @now) " +
            $"ORDER BY queued_ms, ordinal LIMIT 1 {ClaimRowLock}) " +
            "RETURNING id, job_id, name, path, resume_sample",
            ("worker", workerId),
            ("lease", now + (long)lease.TotalMilliseconds),
            ("now", now));
        (string FileId, string JobId, string Name, string Path, long Resume)? row = null;
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToInt64(reader.GetValue(4)));
            }
        }

        if (row is not var (fileId, jobId, name, path, resume))
        {
            // Commit even so: the expired files failed above must stay failed.
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        await using var details = Command(
            connection,
            transaction,
            "SELECT j.settings, (SELECT COUNT(*) FROM job_segments s WHERE s.file_id = @file) FROM jobs j WHERE j.id = @job",
            ("file", fileId),
            ("job", jobId));
        string settings;
        int nextIndex;
        await using (var reader = await details.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (settings, nextIndex) = (reader.GetString(0), Convert.ToInt32(reader.GetValue(1)));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ClaimedFile(fileId, jobId, name, path, ParseSettings(settings), workerId, resume, nextIndex);
    }

    /// <inheritdoc />
    public async Task<bool> RenewLeaseAsync(ClaimedFile file, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(
            connection,
            null,
            $"UPDATE job_files SET lease_until_ms = @lease WHERE {HeldBy}",
            cancellationToken,
            ("lease", NowMs() + (long)lease.TotalMilliseconds),
            ("id", file.FileId),
            ("worker", file.WorkerId)).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> AppendSegmentAsync(ClaimedFile file, TranscriptSegment segment, long resumeSample, double progress, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var held = await ExecuteAsync(
            connection,
            transaction,
            $"UPDATE job_files SET progress = @progress, resume_sample = @resume, lease_until_ms = @lease WHERE {HeldBy}",
            cancellationToken,
            ("progress", progress),
            ("resume", resumeSample),
            ("lease", NowMs() + (long)lease.TotalMilliseconds),
            ("id", file.FileId),
            ("worker", file.WorkerId)).ConfigureAwait(false);
        if (held == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO job_segments (file_id, idx, start_s, end_s, text, itn_text, keywords) VALUES (@file, @idx, @start, @end, @text, @itn, @keywords)",
            cancellationToken,
            ("file", file.FileId),
            ("idx", segment.Index),
            ("start", segment.Start),
            ("end", segment.End),
            ("text", segment.Text),
            ("itn", segment.ItnText),
            ("keywords", segment.Keywords.Count == 0 ? null : JsonSerializer.Serialize(segment.Keywords, JobsJson.Options))).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public Task<bool> CompleteFileAsync(ClaimedFile file, double duration, CancellationToken cancellationToken) =>
        FinishAsync(file, "completed", null, duration, cancellationToken);

    /// <inheritdoc />
    public Task<bool> FailFileAsync(ClaimedFile file, string error, CancellationToken cancellationToken) =>
        FinishAsync(file, "failed", error, null, cancellationToken);

    /// <inheritdoc />
    public async Task ReleaseFileAsync(ClaimedFile file, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            null,
            $"UPDATE job_files SET state = 'queued', worker = NULL, lease_until_ms = NULL, attempts = attempts - 1 WHERE {HeldBy}",
            cancellationToken,
            ("id", file.FileId),
            ("worker", file.WorkerId)).ConfigureAwait(false);
    }

    private async Task<bool> FinishAsync(ClaimedFile file, string state, string? error, double? duration, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(
            connection,
            null,
            "UPDATE job_files SET state = @state, error = @error, duration = COALESCE(@duration, duration), progress = 100, " +
            $"worker = NULL, lease_until_ms = NULL WHERE {HeldBy}",
            cancellationToken,
            ("state", state),
            ("error", error),
            ("duration", duration),
            ("id", file.FileId),
            ("worker", file.WorkerId)).ConfigureAwait(false) > 0;
    }

    private static JobSettings ParseSettings(string json) =>
        JsonSerializer.Deserialize<JobSettings>(json, JobsJson.Options) ?? throw new InvalidDataException("A job's stored settings are empty.");

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

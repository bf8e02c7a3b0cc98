namespace Streaming.Jobs.Tests;

/// <summary>Behaviour every <see cref="IJobStore"/> must have; run against SQLite and real PostgreSQL.</summary>
public abstract class JobStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected abstract Task<IJobStore> CreateStoreAsync();

    [Fact]
    public async Task Concurrent_claims_never_hand_out_a_file_twice()
    {
        var store = await CreateStoreAsync();
        var files = Enumerable.Range(0, 24).Select(i => new NewJobFile($"f{i}.wav", $"/audio/f{i}.wav")).ToArray();
        await store.CreateJobAsync(JobIds.New(), new JobSettings(), files, CancellationToken.None);

        var claimers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<ClaimedFile>();
            while (await store.TryClaimFileAsync($"worker{w}", Lease, 5, CancellationToken.None) is { } claimed)
            {
                mine.Add(claimed);
            }

            return mine;
        }));
        var claims = (await Task.WhenAll(claimers)).SelectMany(c => c).ToList();

        Assert.Equal(files.Length, claims.Count);
        Assert.Equal(files.Select(f => f.Name).Order(), claims.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task Expired_lease_passes_the_file_to_another_worker_and_locks_out_the_first()
    {
        var store = await CreateStoreAsync();
        await store.CreateJobAsync(JobIds.New(), new JobSettings(), [new NewJobFile("a.wav", "/audio/a.wav")], CancellationToken.None);
        var first = await store.TryClaimFileAsync("dead", TimeSpan.FromMilliseconds(200), 5, CancellationToken.None);
        Assert.NotNull(first);
        Assert.True(await store.AppendSegmentAsync(first, new TranscriptSegment(0, 0, 1, "one", null), 16_000, 10, TimeSpan.FromMilliseconds(200), CancellationToken.None));
        Assert.Null(await store.TryClaimFileAsync("other", Lease, 5, CancellationToken.None));

        await Task.Delay(400);
        var second = await store.TryClaimFileAsync("other", Lease, 5, CancellationToken.None);

        Assert.NotNull(second);
        Assert.Equal((16_000L, 1), (second.ResumeSample, second.NextIndex));
        Assert.False(await store.AppendSegmentAsync(first, new TranscriptSegment(1, 1, 2, "stale", null), 32_000, 20, Lease, CancellationToken.None));
        Assert.False(await store.CompleteFileAsync(first, 3, CancellationToken.None));
        Assert.True(await store.AppendSegmentAsync(second, new TranscriptSegment(1, 1, 2, "two", null), 32_000, 20, Lease, CancellationToken.None));
        Assert.True(await store.CompleteFileAsync(second, 3, CancellationToken.None));
        Assert.Equal(["one", "two"], (await store.GetSegmentsAsync(second.FileId, CancellationToken.None)).Select(s => s.Text));
    }

    [Fact]
    public async Task File_that_keeps_killing_its_worker_fails_after_the_attempt_limit()
    {
        var store = await CreateStoreAsync();
        var jobId = JobIds.New();
        await store.CreateJobAsync(jobId, new JobSettings(), [new NewJobFile("poison.wav", "/audio/poison.wav")], CancellationToken.None);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.NotNull(await store.TryClaimFileAsync($"w{attempt}", TimeSpan.FromMilliseconds(100), 2, CancellationToken.None));
            await Task.Delay(250);
        }

        Assert.Null(await store.TryClaimFileAsync("w2", Lease, 2, CancellationToken.None));
        var job = await store.GetJobAsync(jobId, CancellationToken.None);
        Assert.Equal(JobState.Failed, job!.State);
        Assert.Contains("2 attempts", job.Files[0].Error);
    }

    [Fact]
    public async Task Cancelling_a_job_stops_its_worker_writes_and_keeps_finished_files()
    {
        var store = await CreateStoreAsync();
        var jobId = JobIds.New();
        await store.CreateJobAsync(jobId, new JobSettings(), [new NewJobFile("a.wav", "/a.wav"), new NewJobFile("b.wav", "/b.wav")], CancellationToken.None);
        var a = (await store.TryClaimFileAsync("w", Lease, 5, CancellationToken.None))!;
        Assert.True(await store.CompleteFileAsync(a, 1, CancellationToken.None));
        var b = (await store.TryClaimFileAsync("w", Lease, 5, CancellationToken.None))!;

        Assert.True(await store.CancelJobAsync(jobId, CancellationToken.None));

        Assert.False(await store.AppendSegmentAsync(b, new TranscriptSegment(0, 0, 1, "late", null), 16_000, 50, Lease, CancellationToken.None));
        Assert.False(await store.RenewLeaseAsync(b, Lease, CancellationToken.None));
        var job = (await store.GetJobAsync(jobId, CancellationToken.None))!;
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal([JobState.Completed, JobState.Cancelled], job.Files.Select(f => f.State));
        Assert.False(await store.CancelJobAsync(JobIds.New(), CancellationToken.None));
    }

    [Fact]
    public async Task A_segments_keywords_and_the_jobs_keyword_list_are_stored_with_it()
    {
        var store = await CreateStoreAsync();
        var jobId = JobIds.New();
        await store.CreateJobAsync(jobId, new JobSettings { Keywords = ["country", "refund #0.5"] }, [new NewJobFile("a.wav", "/a.wav")], CancellationToken.None);
        var file = (await store.TryClaimFileAsync("w1", Lease, 5, CancellationToken.None))!;
        var spotted = new TranscriptSegment(0, 0, 2, "your country", null) { Keywords = [new SegmentKeyword("country", 1.25, 1.75, 0.875f)] };

        await store.AppendSegmentAsync(file, spotted, 32_000, 50, Lease, CancellationToken.None);
        await store.AppendSegmentAsync(file, new TranscriptSegment(1, 3, 4, "none here", null), 64_000, 90, Lease, CancellationToken.None);
        var segments = await store.GetSegmentsAsync(file.FileId, CancellationToken.None);

        Assert.Equal([new SegmentKeyword("country", 1.25, 1.75, 0.875f)], segments[0].Keywords);
        Assert.Empty(segments[1].Keywords);
        Assert.Equal(["country", "refund #0.5"], file.Settings.Keywords);
    }

    [Fact]
    public async Task Released_file_is_claimed_again_from_its_last_segment_without_counting_an_attempt()
    {
        var store = await CreateStoreAsync();
        var jobId = JobIds.New();
        await store.CreateJobAsync(jobId, new JobSettings { Language = "zh", Formats = [TranscriptFormat.Srt] }, [new NewJobFile("a.wav", "/a.wav")], CancellationToken.None);
        var first = (await store.TryClaimFileAsync("w1", Lease, 5, CancellationToken.None))!;
        await store.AppendSegmentAsync(first, new TranscriptSegment(0, 0.5, 1.5, "one", "1"), 30_000, 40, Lease, CancellationToken.None);

        await store.ReleaseFileAsync(first, CancellationToken.None);
        var again = (await store.TryClaimFileAsync("w2", Lease, 5, CancellationToken.None))!;

        Assert.Equal((first.FileId, 30_000L, 1), (again.FileId, again.ResumeSample, again.NextIndex));
        Assert.Equal("zh", again.Settings.Language);
        Assert.Equal([TranscriptFormat.Srt], again.Settings.Formats);
        var job = (await store.GetJobAsync(jobId, CancellationToken.None))!;
        Assert.Equal((1, 40.0), (job.Files[0].Attempts, job.Files[0].Progress));
    }
}

public sealed class SqliteJobStoreTests : JobStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streaming-jobs-").FullName;

    protected override async Task<IJobStore> CreateStoreAsync()
    {
        var store = new SqliteJobStore(Path.Combine(_folder, "jobs.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[Collection(EngineCollection.Name)]
public sealed class PostgresJobStoreTests(PostgresCluster cluster) : JobStoreContract
{
    protected override async Task<IJobStore> CreateStoreAsync()
    {
        var store = new PostgresJobStore(cluster.CreateDatabase());
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}

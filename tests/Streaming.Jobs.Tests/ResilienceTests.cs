using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Jobs.Api;

namespace Streaming.Jobs.Tests;

[Collection(EngineCollection.Name)]
public sealed class ResilienceTests(EngineFixture engine, PostgresCluster postgres) : IDisposable
{
    private readonly JobsTestFolder _folder = new();

    [Fact]
    public async Task Restart_in_the_middle_of_a_file_completes_it_with_no_duplicated_or_missing_segment()
    {
        var settings = _folder.Settings(("Jobs:SegmentQueue", "1"));
        string jobId;
        await using (var first = await JobsHost.StartAsync(engine.Engine, settings))
        {
            jobId = (await Uploads.CreateAsync(first.Client, Uploads.Form([Uploads.File(JobsTestFolder.Audio("silero-test.wav"))]))).Id;
            await first.WaitForAsync(jobId, j => j.Files[0].Segments.Count > 0);
        }

        var store = new SqliteJobStore(Path.Combine(_folder.Data, "jobs.db"));
        var interrupted = (await store.GetJobAsync(jobId, CancellationToken.None))!;
        var before = await store.GetSegmentsAsync(interrupted.Files[0].Id, CancellationToken.None);
        Assert.Equal(JobState.Queued, interrupted.Files[0].State);
        Assert.InRange(interrupted.Files[0].Progress, 0.1, 99);

        await using var second = await JobsHost.StartAsync(engine.Engine, settings);
        var done = await second.WaitForAsync(jobId, j => j.State.IsFinished());

        var after = done.Files[0].Segments;
        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal(1, done.Files[0].Attempts);
        Assert.Equal(before, after.Take(before.Count));
        Assert.Equal(Enumerable.Range(0, after.Count), after.Select(s => s.Index));
        Assert.All(after.Zip(after.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start, $"segment {pair.Second.Index} overlaps the one before"));

        // Nothing missing: the resumed run finds the same speech as VAD over the whole file in one go.
        var reference = VadSegments(JobsTestFolder.Audio("silero-test.wav"));
        Assert.Equal(reference.Count, after.Count);
        Assert.All(reference.Zip(after), pair => Assert.InRange(pair.Second.Start, pair.First.Start - 0.1, pair.First.Start + 0.1));
    }

    [Fact]
    public async Task Two_servers_sharing_postgres_never_process_the_same_file()
    {
        var connection = postgres.CreateDatabase();
        var settings = _folder.Settings(("Jobs:Store", "postgres"), ("Jobs:ConnectionString", connection));
        var storeA = new RecordingJobStore(new PostgresJobStore(connection));
        var storeB = new RecordingJobStore(new PostgresJobStore(connection));
        await using var serverA = await JobsHost.StartAsync(engine.Engine, settings, storeA);
        await using var serverB = await JobsHost.StartAsync(engine.Engine, settings, storeB);
        string[] clips = ["kws-zh-en/en_0.wav", "kws-zh-en/en_1.wav"];
        var files = clips.SelectMany(c => new[] { Uploads.File(JobsTestFolder.Audio(c.Split('/'))), Uploads.File(JobsTestFolder.Audio(c.Split('/')), "copy-" + Path.GetFileName(c)) });

        var job = await Uploads.CreateAsync(serverA.Client, Uploads.Form(files));
        var done = await serverB.WaitForAsync(job.Id, j => j.State.IsFinished(), seconds: 180);

        Assert.Equal(JobState.Completed, done.State);
        Assert.All(done.Files, f => Assert.Equal((JobState.Completed, 1), (f.State, f.Attempts)));
        Assert.All(done.Files, f => Assert.Equal(Enumerable.Range(0, f.Segments.Count), f.Segments.Select(s => s.Index)));
        Assert.Empty(storeA.ClaimedNames.Intersect(storeB.ClaimedNames));
        Assert.Equal(done.Files.Select(f => f.Name).Order(), storeA.ClaimedNames.Concat(storeB.ClaimedNames).Order());
        Assert.NotEmpty(storeA.ClaimedNames);
        Assert.NotEmpty(storeB.ClaimedNames);
    }

    private List<SpeechSegment> VadSegments(string path)
    {
        var (samples, rate) = WavReader.ReadAllMono(path);
        Assert.Equal(AudioFrame.SampleRate, rate);
        var collector = new SpeechSegmentCollector(rate);
        using var detector = new VoiceActivityDetector(engine.Engine.VadModel, new VadOptions(), rate);
        detector.Accept(samples, collector);
        detector.Flush(collector);
        return [.. collector.Segments];
    }

    public void Dispose() => _folder.Dispose();
}

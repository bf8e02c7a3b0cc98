using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Streaming.Asr.Keywords;
using Streaming.Asr.Vad;
using Streaming.Pipeline;
using Streaming.Pipeline.Models;

namespace Streaming.Jobs.Api;

/// <summary>The REST API of batch jobs under <c>/api/jobs</c>; mount it with <see cref="MapJobsApi"/>.</summary>
public static class JobsEndpoints
{

    /// <summary>Maps POST/GET/DELETE <c>/api/jobs</c>, the result downloads and the progress event stream.</summary>
    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/jobs").WithTags("Jobs");
        group.MapPost("/", CreateAsync)
            .WithName("CreateJob")
            .WithSummary("Create a transcription job from uploaded files (multipart field 'files') or urls on the server's storage.")
            .AddOpenApiOperationTransformer(JobsOpenApi.DescribeCreateRequest)
            .DisableAntiforgery();
        group.MapGet("/{id}", GetAsync).WithName("GetJob").WithSummary("A job's state, progress and per-file results.");
        group.MapGet("/{id}/result.{format}", GetResultAsync)
            .WithName("GetJobResult")
            .WithSummary("The transcript as txt, json, srt or vtt; ?file=NAME picks one file (required for subtitles of a job with several).");
        group.MapGet("/{id}/events", Events).WithName("GetJobEvents").WithSummary("Server-sent 'jobProgress' events until the job finishes.");
        group.MapDelete("/{id}", CancelAsync).WithName("CancelJob").WithSummary("Cancel a job that has not finished.");
        return group;
    }

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CreateAsync(
        HttpContext context,
        IJobStore store,
        JobsOptions options,
        JobUploads uploads,
        StoragePaths storage,
        VadOptions serverVad,
        SpeechEngineSource engines,
        CancellationToken cancellationToken)
    {
        var jobId = JobIds.New();
        try
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.MaxRequestBytes;
            }

            var (request, files) = await ReadRequestAsync(context.Request, jobId, options, uploads, cancellationToken).ConfigureAwait(false);
            var settings = request.ToSettings(out var formatError) ?? throw JobApiException.BadRequest(formatError!);
            if (settings.Validate(serverVad) is { } problem)
            {
                throw JobApiException.BadRequest(problem);
            }

            settings = await ResolveModelAsync(settings, engines, cancellationToken).ConfigureAwait(false);

            foreach (var url in request.AllUrls)
            {
                var path = storage.Resolve(url, out var urlError) ?? throw JobApiException.BadRequest(urlError!);
                files.Add(new NewJobFile(url, path));
            }

            if (files.Count == 0)
            {
                throw JobApiException.BadRequest($"The job has no audio: upload files in the multipart field '{MultipartUpload.FilesField}' or give a url.");
            }

            if (files.Count > options.MaxFilesPerJob)
            {
                throw JobApiException.BadRequest($"A job holds at most {options.MaxFilesPerJob} files; this one has {files.Count}.");
            }

            await store.CreateJobAsync(jobId, settings, files, cancellationToken).ConfigureAwait(false);
            var job = await store.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false);
            return TypedResults.Accepted($"/api/jobs/{jobId}", await ViewAsync(store, job!, cancellationToken).ConfigureAwait(false));
        }
        catch (JobApiException ex)
        {
            uploads.DeleteJob(jobId);
            return TypedResults.Problem(ex.Message, statusCode: ex.StatusCode, title: ex.Title);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits (request body size, malformed framing).
            uploads.DeleteJob(jobId);
            return TypedResults.Problem(ex.Message, statusCode: ex.StatusCode, title: ex.StatusCode == 413 ? "Upload too large" : "Invalid job request");
        }
        catch
        {
            uploads.DeleteJob(jobId);
            throw;
        }
    }

    // Jobs record the language and model that serve them, so results name the model and a later change of defaults
    // does not change a queued job.
    private static async Task<JobSettings> ResolveModelAsync(JobSettings settings, SpeechEngineSource engines, CancellationToken cancellationToken)
    {
        try
        {
            var engine = await engines.GetAsync(cancellationToken).ConfigureAwait(false);
            var choice = engine.Models.Resolve(settings.Language, settings.Model);
            CheckKeywords(engine, choice.Model, settings.Keywords);
            return settings with { Language = choice.Language, Model = choice.Model };
        }
        catch (ModelChoiceException ex)
        {
            throw JobApiException.BadRequest(ex.Message);
        }
    }

    // The job's keywords must be spellable by its model: refused now rather than failing every file later.
    private static void CheckKeywords(SpeechEngine engine, string model, IReadOnlyList<string> keywords)
    {
        try
        {
            engine.RecognizerFor(model).Model.CreateStream([], engine.Keywords.ForSession(keywords)).Dispose();
        }
        catch (Exception ex) when (ex is KeywordException or NotSupportedException)
        {
            throw JobApiException.BadRequest(ex.Message);
        }
    }

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(string id, IJobStore store, CancellationToken cancellationToken) =>
        await FindAsync(store, id, cancellationToken).ConfigureAwait(false) is { } job
            ? TypedResults.Ok(await ViewAsync(store, job, cancellationToken).ConfigureAwait(false))
            : NotFound(id);

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetResultAsync(
        string id,
        string format,
        string? file,
        IJobStore store,
        CancellationToken cancellationToken)
    {
        if (!TranscriptFormats.TryParse(format, out var kind))
        {
            return TypedResults.Problem($"Unknown result format '{format}'; use txt, json, srt or vtt.", statusCode: 404, title: "Unknown format");
        }

        if (await FindAsync(store, id, cancellationToken).ConfigureAwait(false) is not { } job)
        {
            return NotFound(id);
        }

        if (!job.Settings.Formats.Contains(kind))
        {
            return TypedResults.Problem(
                $"Job {id} was created for {string.Join(", ", job.Settings.Formats.Select(f => f.Name()))}, not {kind.Name()}.",
                statusCode: 404,
                title: "Format not requested");
        }

        if (!job.State.IsFinished())
        {
            return TypedResults.Problem($"Job {id} is {job.State.ToName()} ({job.Progress}%); results are ready when it completes.", statusCode: 409, title: "Job not finished");
        }

        var files = job.Files.Where(f => f.State == JobState.Completed && (file is null || f.Name == file || f.Id == file)).ToList();
        if (file is not null && files.Count == 0)
        {
            return TypedResults.Problem($"Job {id} has no completed file named '{file}'.", statusCode: 404, title: "File not found");
        }

        if (kind is TranscriptFormat.Srt or TranscriptFormat.Vtt && files.Count != 1)
        {
            return TypedResults.Problem(
                $"Subtitles hold one file and job {id} has {files.Count} completed; pick one with ?file=NAME.",
                statusCode: 400,
                title: "Choose a file");
        }

        var transcripts = new List<FileTranscript>();
        foreach (var f in files)
        {
            transcripts.Add(new FileTranscript(f.Name, f.Duration, await store.GetSegmentsAsync(f.Id, cancellationToken).ConfigureAwait(false)));
        }

        return TypedResults.Text(TranscriptWriter.Write(kind, transcripts), kind.MediaType() + "; charset=utf-8");
    }

    private static Results<ServerSentEventsResult<JobProgress>, ProblemHttpResult> Events(
        string id,
        IJobStore store,
        JobProgressBroadcaster broadcaster,
        JobsOptions options,
        CancellationToken cancellationToken) =>
        JobIds.IsValid(id)
            ? TypedResults.ServerSentEvents(StreamAsync(id, store, broadcaster, TimeSpan.FromMilliseconds(options.PollMilliseconds), cancellationToken), eventType: "jobProgress")
            : NotFound(id);

    private static async IAsyncEnumerable<JobProgress> StreamAsync(
        string id,
        IJobStore store,
        JobProgressBroadcaster broadcaster,
        TimeSpan pollInterval,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before reading the current state so no change falls between the two.
        using var subscription = broadcaster.Subscribe(id);
        if (await store.GetJobAsync(id, cancellationToken).ConfigureAwait(false) is not { } job)
        {
            yield break;
        }

        var current = JobProgress.From(job);
        yield return current;
        while (!current.State.IsFinished())
        {
            // Events come from this server's workers; when another server runs the job, the store tells.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(pollInterval);
            JobProgress? next = null;
            try
            {
                await subscription.Events.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                while (subscription.Events.TryRead(out var queued))
                {
                    next = queued;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                next = await store.GetJobAsync(id, cancellationToken).ConfigureAwait(false) is { } polled ? JobProgress.From(polled) : null;
            }

            if (next is not null && !SameProgress(next, current))
            {
                current = next;
                yield return current;
            }
        }
    }

    private static bool SameProgress(JobProgress a, JobProgress b) =>
        a.State == b.State && a.Progress == b.Progress && a.Files.SequenceEqual(b.Files);

    private static async Task<Results<Accepted<JobView>, ProblemHttpResult>> CancelAsync(
        string id,
        IJobStore store,
        JobUploads uploads,
        JobProgressNotifier notifier,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(store, id, cancellationToken).ConfigureAwait(false) is not { } job)
        {
            return NotFound(id);
        }

        if (job.State.IsFinished())
        {
            return TypedResults.Problem($"Job {id} already finished ({job.State.ToName()}); there is nothing to cancel.", statusCode: 409, title: "Job finished");
        }

        await store.CancelJobAsync(id, cancellationToken).ConfigureAwait(false);
        uploads.DeleteJob(id);
        await notifier.NotifyAsync(id, cancellationToken).ConfigureAwait(false);
        var cancelled = await store.GetJobAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/jobs/{id}", await ViewAsync(store, cancelled!, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<(JobRequest Request, List<NewJobFile> Files)> ReadRequestAsync(
        HttpRequest request,
        string jobId,
        JobsOptions options,
        JobUploads uploads,
        CancellationToken cancellationToken)
    {
        if (request.HasJsonContentType())
        {
            try
            {
                var body = await request.ReadFromJsonAsync<JobRequest>(JobsJson.Options, cancellationToken).ConfigureAwait(false);
                return (body ?? throw JobApiException.BadRequest("The JSON body is empty."), []);
            }
            catch (JsonException ex)
            {
                throw JobApiException.BadRequest($"The JSON body is malformed: {ex.Message}");
            }
        }

        Dictionary<string, List<string>> fields;
        List<NewJobFile> files = [];
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var upload = new MultipartUpload(options);
            await upload.ReadAsync(request, uploads.CreateJobFolder(jobId), cancellationToken).ConfigureAwait(false);
            (fields, files) = (upload.Fields, upload.Files);
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            fields = form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToList(), StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            throw new JobApiException(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type",
                "Send multipart/form-data (files in field 'files'), application/json or a url form.");
        }

        return (JobRequest.FromForm(fields, out var error) ?? throw JobApiException.BadRequest(error!), files);
    }

    private static async Task<JobSnapshot?> FindAsync(IJobStore store, string id, CancellationToken cancellationToken) =>
        JobIds.IsValid(id) ? await store.GetJobAsync(id, cancellationToken).ConfigureAwait(false) : null;

    private static async Task<JobView> ViewAsync(IJobStore store, JobSnapshot job, CancellationToken cancellationToken)
    {
        var files = new List<JobFileView>();
        foreach (var f in job.Files)
        {
            var segments = await store.GetSegmentsAsync(f.Id, cancellationToken).ConfigureAwait(false);
            files.Add(new JobFileView(f.Id, f.Name, f.State, f.Progress, f.Error, f.Duration, f.Attempts, segments));
        }

        var results = job.Settings.Formats.ToDictionary(f => f.Name(), f => $"/api/jobs/{job.Id}/result.{f.Name()}");
        return new JobView(job.Id, job.State, job.Progress, job.CreatedAt, job.Settings, files, results);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no job '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Job not found");
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Streaming.Asr.Vad;

namespace Streaming.Jobs;

/// <summary>
/// Claims queued files from the store and transcribes up to <see cref="JobsOptions.Concurrency"/> of them
/// at once, persisting each segment as it finishes and renewing the lease while it works. On shutdown the
/// files in flight go back to the queue; a crash leaves them to expire and be claimed again.
/// </summary>
public sealed class JobWorker(
    IJobStore store,
    SpeechEngineSource engines,
    JobProgressNotifier notifier,
    JobUploads uploads,
    JobsOptions options,
    VadOptions serverVad,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(options.LeaseSeconds);
    private FileTranscriber? _transcriber;

    /// <summary>This worker's identity in the store's leases.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Nothing is claimed before the models are in memory, so a loading server leaves jobs queued.
            _transcriber = FileTranscriber.For(await engines.GetAsync(stoppingToken).ConfigureAwait(false), options.SegmentQueue, options.FfmpegPath);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Batch workers stopped: the speech engine is unavailable");
            return;
        }

        using var slots = new SemaphoreSlim(options.Concurrency);
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                ClaimedFile? file;
                try
                {
                    file = await store.TryClaimFileAsync(WorkerId, _lease, options.MaxAttempts, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Claiming a job file failed; retrying");
                    file = null;
                }

                if (file is null)
                {
                    slots.Release();
                    await Task.Delay(options.PollMilliseconds, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunAsync(file, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: fall through and let the files in flight give themselves back.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(ClaimedFile file, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        // Off the claim loop's thread: decoding and recognition are CPU-bound.
        await Task.Yield();
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewAsync(file, lost);
        try
        {
            await notifier.NotifyAsync(file.JobId, stoppingToken).ConfigureAwait(false);
            await ProcessAsync(file, lost.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.ReleaseFileAsync(file, CancellationToken.None).ConfigureAwait(false);
            logger.LogInformation("Gave file {FileId} back to the queue at shutdown", file.FileId);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("File {FileId} was cancelled or its lease was lost; stopped", file.FileId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "File {FileId} ({Name}) failed", file.FileId, file.Name);
            await FinishAsync(file, store.FailFileAsync(file, ErrorMessage(ex, file), CancellationToken.None)).ConfigureAwait(false);
        }
        finally
        {
            await lost.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            slots.Release();
        }
    }

    private async Task ProcessAsync(ClaimedFile file, CancellationToken cancellationToken)
    {
        var result = await _transcriber!.TranscribeAsync(
            file.Path,
            file.Settings,
            file.Settings.ToVadOptions(serverVad),
            file.ResumeSample,
            file.NextIndex,
            async (segment, resume, progress, token) =>
            {
                if (!await store.AppendSegmentAsync(file, segment, resume, progress, _lease, token).ConfigureAwait(false))
                {
                    return false;
                }

                await notifier.NotifyAsync(file.JobId, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Finished)
        {
            await FinishAsync(file, store.CompleteFileAsync(file, result.EndSeconds, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(ClaimedFile file, Task<bool> stored)
    {
        try
        {
            if (await stored.ConfigureAwait(false))
            {
                uploads.DeleteIfUploaded(file.Path);
                await notifier.NotifyAsync(file.JobId, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The store is unreachable: the lease will expire and another worker (or this one) retries the file.
            logger.LogError(ex, "Recording the end of file {FileId} failed", file.FileId);
        }
    }

    // Keeps the lease alive between segments (a long segment or a slow decoder); cancels the file when it is lost.
    private async Task RenewAsync(ClaimedFile file, CancellationTokenSource lost)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 3, lost.Token).ConfigureAwait(false);
                if (!await store.RenewLeaseAsync(file, _lease, lost.Token).ConfigureAwait(false))
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The file finished or the worker is stopping.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Renewing the lease of file {FileId} failed", file.FileId);
        }
    }

    // Decoders name the file by its path on this server; the client knows it by the name it gave, and server
    // paths are none of its business.
    private static string ErrorMessage(Exception ex, ClaimedFile file)
    {
        var message = ex switch
        {
            FileNotFoundException or DirectoryNotFoundException => $"The audio file is gone: {ex.Message}",
            IOException or InvalidDataException => ex.Message,
            _ => $"Transcription failed: {ex.Message}",
        };
        return message.Replace(Path.GetFullPath(file.Path), file.Name, StringComparison.Ordinal).Replace(file.Path, file.Name, StringComparison.Ordinal);
    }
}

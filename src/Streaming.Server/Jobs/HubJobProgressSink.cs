using Microsoft.AspNetCore.SignalR;
using Streaming.Jobs;
using Streaming.Server.Hubs;

namespace Streaming.Server.Jobs;

/// <summary>
/// Pushes batch-job progress to the hub connections that called <c>SubscribeJob</c> (SignalR group
/// <see cref="GroupFor"/>), as the <c>jobProgress</c> event of docs/protocol.md.
/// </summary>
public sealed class HubJobProgressSink(IHubContext<TranscriptionHub> hub) : IJobProgressSink
{
    /// <summary>The hub event name.</summary>
    public const string EventName = "jobProgress";

    /// <summary>The SignalR group of a job's watchers.</summary>
    public static string GroupFor(string jobId) => "job:" + jobId;

    /// <inheritdoc />
    public async ValueTask OnProgressAsync(JobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await hub.Clients.Group(GroupFor(progress.JobId)).SendAsync(EventName, ToMessage(progress), cancellationToken).ConfigureAwait(false);
    }

    // States travel as the REST API spells them ("running"), in both hub protocols.
    private static JobProgressMessage ToMessage(JobProgress p) => new(
        p.JobId,
        p.State.ToName(),
        p.Progress,
        [.. p.Files.Select(f => new JobFileProgressMessage(f.Name, f.State.ToName(), f.Progress, f.Error))]);
}

/// <summary>The <c>jobProgress</c> hub event.</summary>
/// <param name="JobId">The job.</param>
/// <param name="State">queued, running, completed, failed or cancelled.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Files">Each file of the job.</param>
public sealed record JobProgressMessage(string JobId, string State, double Progress, IReadOnlyList<JobFileProgressMessage> Files);

/// <summary>One file in a <see cref="JobProgressMessage"/>.</summary>
/// <param name="Name">File name.</param>
/// <param name="State">Its state.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record JobFileProgressMessage(string Name, string State, double Progress, string? Error);

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Protocol;
using Streaming.Server.Sessions;

namespace Streaming.Server.Hosting;

/// <summary>
/// At shutdown, before Kestrel closes connections, finalises every open session and waits for its finals
/// to reach the subscribers, so a restart loses no words already spoken.
/// </summary>
public sealed class SessionDrainService(SessionRegistry registry, IOptions<ServerOptions> options, ILogger<SessionDrainService> logger) : IHostedLifecycleService
{
    /// <inheritdoc />
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var open = registry.Count;
        if (open == 0)
        {
            return;
        }

        logger.LogInformation("Finalising {Count} open sessions before shutdown", open);
        try
        {
            await registry.FinishAllAsync(ErrorCodes.ShuttingDown, "The server is shutting down; open segments were finalised.", TimeSpan.FromSeconds(options.Value.ShutdownFlushSeconds))
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Shutdown did not wait for every session to flush: {Reason}", ex.Message);
        }
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

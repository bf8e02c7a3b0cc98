using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Streaming.Protocol;
using Streaming.Server.Sessions;

namespace Streaming.Server.Hosting;

/// <summary>
/// At shutdown, before connections close, finalises every open session and waits (at most
/// <see cref="ServerOptions.ShutdownFlushSeconds"/>) for its finals to reach the subscribers.
/// </summary>
/// <remarks>
/// SignalR closes its connections from an <c>ApplicationStopping</c> callback registered when the hub is
/// mapped. Cancellation callbacks run newest first, so this one, registered once the host has started,
/// runs before that, and it has to block: callbacks cannot be awaited.
/// </remarks>
public sealed class SessionDrainService(
    SessionRegistry registry,
    IHostApplicationLifetime lifetime,
    IOptions<ServerOptions> options,
    ILogger<SessionDrainService> logger) : IHostedLifecycleService
{
    private CancellationTokenRegistration _registration;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(Drain);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => _registration.DisposeAsync().AsTask();

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Drain()
    {
        var open = registry.Count;
        if (open == 0)
        {
            return;
        }

        logger.LogInformation("Finalising {Count} open sessions before shutdown", open);
        try
        {
            registry.FinishAllAsync(ErrorCodes.ShuttingDown, "The server is shutting down; open segments were finalised.", TimeSpan.FromSeconds(options.Value.ShutdownFlushSeconds))
                .GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Shutdown went ahead before every session had flushed ({Seconds} s)", options.Value.ShutdownFlushSeconds);
        }
    }
}

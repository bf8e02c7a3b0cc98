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
/// SignalR closes its connections from an <c>ApplicationStopping</c> callback it registers when it first
/// needs its connection manager. Cancellation callbacks run newest first, so this one is registered when
/// the first session starts (a connection exists by then) and so runs before SignalR's. It has to block:
/// callbacks cannot be awaited.
/// </remarks>
public sealed class SessionDrainService(
    SessionRegistry registry,
    IHostApplicationLifetime lifetime,
    IOptions<ServerOptions> options,
    ILogger<SessionDrainService> logger) : IHostedLifecycleService
{
    // SignalR aborts its transports at shutdown; events already handed to them need a moment to go out.
    private static readonly TimeSpan TransportFlush = TimeSpan.FromMilliseconds(500);

    private CancellationTokenRegistration _registration;
    private int _armed;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        registry.Started += Arm;
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

    private void Arm(LiveSession session)
    {
        if (Interlocked.Exchange(ref _armed, 1) == 0)
        {
            registry.Started -= Arm;
            _registration = lifetime.ApplicationStopping.Register(Drain);
        }
    }

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
            Thread.Sleep(TransportFlush);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Shutdown went ahead before every session had flushed ({Seconds} s)", options.Value.ShutdownFlushSeconds);
        }
    }
}

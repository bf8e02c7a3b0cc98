using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Streaming.Server.Hosting;

/// <summary>Ready when the models are loaded; unhealthy, with the reason, if loading failed.</summary>
public sealed class EngineReadyCheck(EngineHost engine) : IHealthCheck
{
    /// <summary>Tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            engine.IsReady ? HealthCheckResult.Healthy("Models loaded.")
            : engine.Failure is { } failure ? HealthCheckResult.Unhealthy($"Loading the models failed: {failure.Message}")
            : HealthCheckResult.Unhealthy("Models are loading."));
}

using Microsoft.Extensions.Hosting;

namespace Streaming.Jobs;

/// <summary>Creates the store's tables at start-up, before the server takes requests or workers claim files.</summary>
internal sealed class JobStoreInitializer(IJobStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

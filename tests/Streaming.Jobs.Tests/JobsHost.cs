using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streaming.Jobs.Api;
using Streaming.Pipeline;

namespace Streaming.Jobs.Tests;

/// <summary>A minimal server hosting the jobs API on real Kestrel at 127.0.0.1 (free port), with a real HttpClient.</summary>
public sealed class JobsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private JobsHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<JobsHost> StartAsync(SpeechEngine engine, IDictionary<string, string?> settings, IJobStore? store = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(engine);
        if (store is not null)
        {
            builder.Services.AddSingleton(store);
        }

        builder.Services.AddJobs(builder.Configuration);
        var app = builder.Build();
        app.MapJobsApi();
        app.MapOpenApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new JobsHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
    }

    public async Task<JobView> GetJobAsync(string id) =>
        (await Client.GetFromJsonAsync<JobView>($"/api/jobs/{id}", JobsJson.Options))!;

    /// <summary>Polls the job until <paramref name="done"/> holds; fails after <paramref name="seconds"/>.</summary>
    public async Task<JobView> WaitForAsync(string id, Func<JobView, bool> done, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await GetJobAsync(id);
            if (done(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {id} did not reach the expected state in {seconds} s; it is {job.State} at {job.Progress}%.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

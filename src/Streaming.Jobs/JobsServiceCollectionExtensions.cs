using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Streaming.Asr.Vad;
using Streaming.Pipeline;
using Streaming.Text.Hotwords;

namespace Streaming.Jobs;

/// <summary>Registers batch jobs: the store, workers, decoding, progress and the OpenAPI document <c>jobs</c>.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>Name of the OpenAPI document that describes the jobs API (served by MapOpenApi at <c>/openapi/jobs.json</c>).</summary>
    public const string OpenApiDocument = "jobs";

    /// <summary>
    /// Binds and validates sections <c>Jobs</c>, <c>Vad</c>, <c>Engine</c> and <c>Pipeline</c> (throwing at start-up
    /// on a bad value) and registers everything <c>MapJobsApi</c> and the workers need. A <see cref="SpeechEngine"/>
    /// (or <see cref="SpeechEngineSource"/>) or <see cref="IJobStore"/> already registered by the host is used instead
    /// of one built from configuration.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = Bind<JobsOptions>(configuration, JobsOptions.SectionName);
        options.Validate();
        var vad = Bind<VadOptions>(configuration, VadOptions.SectionName);
        vad.Validate();

        services.AddSingleton(options);
        services.TryAddSingleton(vad);
        services.TryAddSingleton(sp => SpeechEngine.Load(
            Bind<SpeechEngineOptions>(configuration, SpeechEngineOptions.SectionName),
            sp.GetRequiredService<VadOptions>(),
            Bind<PipelineOptions>(configuration, PipelineOptions.SectionName),
            Bind<HotwordRescoreOptions>(configuration, HotwordRescoreOptions.SectionName)));

        services.TryAddSingleton<IJobStore>(_ => options.Store == "postgres"
            ? new PostgresJobStore(options.ConnectionString!)
            : new SqliteJobStore(Path.Combine(options.DataDirectory, "jobs.db")));
        services.AddSingleton(new JobUploads(options.DataDirectory));
        services.AddSingleton(new StoragePaths(options.StorageRoot));
        services.TryAddSingleton(sp => new SpeechEngineSource(_ => Task.FromResult(sp.GetRequiredService<SpeechEngine>())));
        services.AddSingleton<JobProgressBroadcaster>();
        services.AddSingleton<IJobProgressSink>(sp => sp.GetRequiredService<JobProgressBroadcaster>());
        services.AddSingleton<JobProgressNotifier>();
        services.AddHostedService<JobStoreInitializer>();
        if (options.RunWorkers)
        {
            services.AddHostedService<JobWorker>();
        }

        services.AddProblemDetails();
        services.AddOpenApi(OpenApiDocument, openApi => openApi.ShouldInclude = d => d.RelativePath?.StartsWith("api/jobs", StringComparison.Ordinal) == true);
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var value = new T();
        configuration.GetSection(section).Bind(value);
        return value;
    }
}

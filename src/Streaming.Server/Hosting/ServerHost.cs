using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Streaming.Asr;
using Streaming.Asr.Catalog;
using Streaming.Asr.Vad;
using Streaming.Inference;
using Streaming.Inference.Devices;
using Streaming.Jobs;
using Streaming.Jobs.Api;
using Streaming.Sip;
using Streaming.Text.Hotwords;
using Streaming.Pipeline;
using Streaming.Protocol;
using Streaming.Server.Admin;
using Streaming.Server.Auth;
using Streaming.Server.FunAsr;
using Streaming.Server.Hubs;
using Streaming.Server.Jobs;
using Streaming.Server.Sip;
using Streaming.Server.ScaleOut;
using Streaming.Server.Sessions;
using Streaming.Server.Telemetry;
using Streaming.Server.WebRtc;
using Streaming.WebRtc;

namespace Streaming.Server.Hosting;

/// <summary>
/// Builds the server: configuration (appsettings.json beside the program, environment variables such as
/// <c>Server__Port</c>, command-line <c>--Server:Port=8080</c>), options validated at start-up, SignalR,
/// the FunASR socket, JWT auth, CORS, static web pages, health, OpenTelemetry.
/// </summary>
public static class ServerHost
{
    /// <summary>Builds the application; <paramref name="configure"/> may add configuration or services (tests).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var config = builder.Configuration;
        var server = Bind<ServerOptions>(builder, ServerOptions.SectionName);
        MallocArenas.Limit(server.EffectiveMallocArenas);
        var auth = Bind<AuthOptions>(builder, AuthOptions.SectionName);
        var telemetry = Bind<TelemetryOptions>(builder, TelemetryOptions.SectionName);
        Bind<SpeechEngineOptions>(builder, SpeechEngineOptions.SectionName);
        Bind<VadOptions>(builder, VadOptions.SectionName);
        Bind<PipelineOptions>(builder, PipelineOptions.SectionName);
        Bind<HotwordRescoreOptions>(builder, HotwordRescoreOptions.SectionName);
        var funAsr = Bind<FunAsrOptions>(builder, FunAsrOptions.SectionName);

        if (ListenAddresses.Choose(config, server) is { } url)
        {
            builder.WebHost.UseUrls(url);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = server.MaxHubMessageBytes;
            // StartSession and Subscribe must still work on a connection that is streaming audio.
            o.MaximumParallelInvocationsPerClient = 4;
        }).AddMessagePackProtocol().AddScaleOut(Bind<ScaleOutOptions>(builder, ScaleOutOptions.SectionName));

        AddAuth(builder.Services, auth);
        builder.Services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (server.CorsOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod();
            }
            else
            {
                policy.WithOrigins(server.CorsOrigins).AllowAnyHeader().AllowAnyMethod().AllowCredentials();
            }
        }));

        builder.Services.AddSingleton(new SessionAccess(auth.Enabled));
        builder.Services.AddSingleton<StreamingMetrics>();
        builder.Services.AddSingleton<ProcessMetrics>();
        builder.Services.AddSingleton<EngineHost>();
        builder.Services.AddSingleton(sp => new ModelFileChecks(ModelManifest.Read(
            ModelDirectory.Locate(sp.GetRequiredService<IOptions<SpeechEngineOptions>>().Value.ModelsDirectory))));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EngineHost>());
        builder.Services.AddSingleton<SessionRegistry>();
        builder.Services.AddHostedService<SessionDrainService>();
        builder.Services.AddSingleton<FunAsrEndpoint>();
        builder.Services.AddSingleton<FunAsrAdmission>();
        AddDevices(builder);

        // Batch jobs use the engine the server loads for live sessions rather than a copy of their own.
        builder.Services.AddSingleton(sp => new SpeechEngineSource(sp.GetRequiredService<EngineHost>().WhenLoadedAsync));
        builder.Services.AddJobs(config);
        builder.Services.AddSingleton<IJobProgressSink, HubJobProgressSink>();
        builder.Services.AddSip(config);
        builder.Services.AddWebRtc(config);
        builder.Services.AddHealthChecks().AddCheck<EngineReadyCheck>("engine", tags: [EngineReadyCheck.ReadyTag]);
        AddTelemetry(builder.Services, telemetry);

        var app = builder.Build();
        app.Services.GetRequiredService<ProcessMetrics>(); // its gauges exist once it does
        app.Services.GetRequiredService<DeviceMetrics>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        UseFunAsrPath(app, funAsr);
        app.UseRouting();
        app.UseCors();
        UseWebPages(app, server);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHub<TranscriptionHub>(HubNames.HubPath);
        // Authorised by FunAsrAdmission: FunASR clients may also bring their token in the start message.
        app.Map(FunAsrOptions.DefaultPath, (HttpContext context, FunAsrEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapAdminApi();
        app.MapDeviceApi();
        app.MapModelApi();
        app.MapJobsApi().RequireAuthorization(StreamingClaims.ClientPolicy);
        app.MapOpenApi();
        app.MapSipApi();
        app.MapWhipApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(EngineReadyCheck.ReadyTag) });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>Builds and runs the server until it is stopped (Ctrl+C, SIGTERM).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join("; ", ex.Failures)}");
            return 2;
        }
    }

    // The devices inference runs on (the configured one, auto: npu → cuda → cpu, then any selectable ones):
    // the engines load on them, and the admin API and metrics report them.
    private static void AddDevices(WebApplicationBuilder builder)
    {
        var inference = Bind<InferenceOptions>(builder, InferenceOptions.SectionName);
        inference.Validate();
        builder.Services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Streaming.Inference");
            return new DeviceAdmin(BackendFactory.CreateAll(inference, logger), logger);
        });
        builder.Services.AddSingleton<DeviceMetrics>();
    }

    private static T Bind<T>(WebApplicationBuilder builder, string section)
        where T : class, new()
    {
        builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        return builder.Configuration.GetSection(section).Get<T>() ?? new T();
    }

    private static void AddAuth(IServiceCollection services, AuthOptions auth)
    {
        var key = SigningKeyStore.Load(auth);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                IssuerSigningKey = key,
                NameClaimType = StreamingClaims.Subject,
                RoleClaimType = StreamingClaims.Role,
            };
            o.Events = new JwtBearerEvents
            {
                // Browsers cannot set headers on WebSockets, so sockets may carry the token in the query.
                OnMessageReceived = context =>
                {
                    var token = context.Request.Query["access_token"].ToString();
                    var path = context.HttpContext.Request.Path;
                    if (token.Length > 0 && (path.StartsWithSegments("/hubs") || path.StartsWithSegments("/ws")))
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorization(o =>
        {
            if (auth.Enabled)
            {
                o.AddPolicy(StreamingClaims.ClientPolicy, p => p.RequireAuthenticatedUser().RequireClaim(StreamingClaims.Subject));
                o.AddPolicy(StreamingClaims.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(StreamingClaims.AdminRole));
            }
            else
            {
                o.AddPolicy(StreamingClaims.ClientPolicy, p => p.RequireAssertion(_ => true));
                o.AddPolicy(StreamingClaims.AdminPolicy, p => p.RequireAssertion(_ => true));
            }
        });
    }

    private static void AddTelemetry(IServiceCollection services, TelemetryOptions telemetry)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("streaming"))
            .WithTracing(t =>
            {
                t.AddSource(StreamingActivities.SourceName).AddAspNetCoreInstrumentation();
                if (telemetry.OtlpEndpoint is { } endpoint)
                {
                    t.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(telemetry.MeterName, DeviceMetrics.MeterName, SipMetrics.MeterName, WebRtcMetrics.MeterName).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (telemetry.OtlpEndpoint is { } endpoint)
                {
                    m.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
    }

    // FunASR clients connect to the root of the server: WebSocket upgrades on FunAsr:Path are routed to the
    // FunASR socket, everything else there (the web pages) is left as it is.
    private static void UseFunAsrPath(WebApplication app, FunAsrOptions funAsr)
    {
        var path = funAsr.Path.TrimEnd('/');
        if (string.Equals(path, FunAsrOptions.DefaultPath, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        app.Use((context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest && string.Equals((context.Request.Path.Value ?? "").TrimEnd('/'), path, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Path = FunAsrOptions.DefaultPath;
            }

            return next(context);
        });
    }

    private static void UseWebPages(WebApplication app, ServerOptions server)
    {
        var root = WebRootLocator.Locate(server.WebRoot, app.Environment.ContentRootPath);
        if (root is null)
        {
            app.Logger.LogWarning("Web pages folder '{WebRoot}' not found; / serves nothing", server.WebRoot);
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }
}

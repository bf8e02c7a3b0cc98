using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Streaming.Audio;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>
/// One server with both English models, the Mandarin transducer and upstream's broken English KWS model:
/// sessions pick a model or a language, the broken model is refused at load while the rest serve.
/// </summary>
public sealed class ModelChoiceServer : IAsyncLifetime
{
    public const string Broken = "sherpa-onnx-kws-zipformer-gigaspeech-3.3M-2024-01-01-mobile";

    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(new Dictionary<string, string?>
    {
        ["Engine:Models:0"] = "moonshine-tiny-en",
        ["Engine:Models:1"] = "moonshine-base-en",
        ["Engine:Models:2"] = "zipformer-wenetspeech-zh",
        ["Engine:Models:3"] = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "models", "kws", Broken)),
        [$"Engine:ModelLanguages:{Broken}"] = "en",
        ["Engine:DefaultModel:en"] = "moonshine-base-en",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class ModelChoiceTests(ModelChoiceServer shared) : IClassFixture<ModelChoiceServer>
{
    private static readonly string Jfk = TestPaths.InRepo("samples", "jfk.wav");
    private TestServer Server => shared.Server;

    [Fact]
    public async Task Two_sessions_on_one_server_each_get_the_finals_of_their_own_model_and_started_names_it()
    {
        var tiny = RunAsync("ann", new SessionRequest { Language = "en", Model = "moonshine-tiny-en" }, Jfk);
        var base_ = RunAsync("ben", new SessionRequest { Language = "en" }, Jfk);
        var results = await Task.WhenAll(tiny, base_);

        Assert.Equal(("en", "moonshine-tiny-en"), (results[0].Started.Language, results[0].Started.Model));
        Assert.Equal(("en", "moonshine-base-en"), (results[1].Started.Language, results[1].Started.Model));
        Assert.All(results, r => Assert.Empty(r.Log.Errors));

        // The two models differ on jfk.wav: tiny hears "As not", base "Ask not" (see the eval table of issue 22).
        var tinyText = Text(results[0].Log);
        var baseText = Text(results[1].Log);
        Assert.Contains("as not", tinyText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ask not", tinyText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ask not", baseText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_mandarin_session_is_served_by_the_mandarin_model_and_produces_finals()
    {
        var (started, log) = await RunAsync("chen", new SessionRequest { Language = "zh" }, TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "0.wav"));

        Assert.Equal(("zh", "zipformer-wenetspeech-zh"), (started.Language, started.Model));
        Assert.Empty(log.Errors);
        Assert.NotEmpty(log.Finals);
        Assert.False(string.IsNullOrWhiteSpace(Text(log)));
    }

    [Theory]
    [InlineData("en", "whisper-large", "Model 'whisper-large' is not installed. Installed models: moonshine-tiny-en (en), moonshine-base-en (en), zipformer-wenetspeech-zh (zh).")]
    [InlineData("zh", "moonshine-base-en", "Model 'moonshine-base-en' serves en, not 'zh'. Installed models: moonshine-tiny-en (en)")]
    [InlineData("fr", null, "No model for language 'fr'. This server serves en, zh; installed models: moonshine-tiny-en (en)")]
    [InlineData("en", ModelChoiceServer.Broken, "/downsample/Reshape_1")]
    public async Task A_model_or_language_the_server_does_not_serve_is_refused_with_the_reason(string language, string? model, string message)
    {
        await using var client = Server.Client("dora");
        await client.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => client.OpenSessionAsync(new SessionRequest { Language = language, Model = model }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task The_models_api_lists_each_model_with_languages_defaults_licence_verification_memory_and_the_refused_one()
    {
        using var http = Http();

        var models = (await http.GetFromJsonAsync<JsonElement[]>("/api/models"))!.ToDictionary(m => m.GetProperty("name").GetString()!);

        var base_ = models["moonshine-base-en"];
        Assert.True(base_.GetProperty("loaded").GetBoolean());
        Assert.Equal(["en"], base_.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["en"], base_.GetProperty("defaultFor").EnumerateArray().Select(l => l.GetString()));
        Assert.True(base_.GetProperty("filesMatch").GetBoolean());
        Assert.StartsWith("MIT", base_.GetProperty("licence").GetString());
        Assert.True(base_.GetProperty("memoryBytes").GetInt64() > 0);
        Assert.Empty(models["moonshine-tiny-en"].GetProperty("defaultFor").EnumerateArray());
        Assert.Equal(["zh"], models["zipformer-wenetspeech-zh"].GetProperty("defaultFor").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("vad", models["silero-vad"].GetProperty("kind").GetString());
        var broken = models[ModelChoiceServer.Broken];
        Assert.False(broken.GetProperty("loaded").GetBoolean());
        Assert.Contains("/downsample/Reshape_1", broken.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Metrics_report_the_memory_of_each_loaded_model()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };

        var metrics = await http.GetStringAsync("/metrics");

        Assert.Matches("streaming_model_memory_bytes\\{[^}]*model=\"moonshine-base-en\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("streaming_model_memory_bytes\\{[^}]*model=\"zipformer-wenetspeech-zh\"", metrics);
    }

    [Fact]
    public async Task A_batch_job_names_its_model_and_an_unknown_model_is_refused()
    {
        using var http = Http();

        using var created = await http.PostAsync("/api/jobs", JobForm(("model", "moonshine-tiny-en")));
        using var refused = await http.PostAsync("/api/jobs", JobForm(("model", "whisper-large")));

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var settings = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("settings");
        Assert.Equal(("en", "moonshine-tiny-en"), (settings.GetProperty("language").GetString(), settings.GetProperty("model").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Model 'whisper-large' is not installed", await refused.Content.ReadAsStringAsync());
    }

    private static string Text(EventLog log) => string.Join(" ", log.Finals.Select(f => f.Text));

    private MultipartFormDataContent JobForm(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var wav = new ByteArrayContent(File.ReadAllBytes(Jfk));
        wav.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(wav, "files", "jfk.wav");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private HttpClient Http()
    {
        var http = new HttpClient { BaseAddress = Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Tokens.Create("models-user"));
        return http;
    }

    [Fact]
    public async Task A_mandarin_session_spots_a_keyword_written_as_people_write_it_with_times_inside_the_clip()
    {
        var wav = TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "3.wav");
        var (samples, rate) = Streaming.Audio.WavReader.ReadAllMono(wav);

        var (started, log) = await RunAsync("wen", new SessionRequest { Language = "zh", Keywords = ["文森特卡索"], Role = "customer" }, wav);

        var hit = Assert.Single(log.Keywords);
        Assert.Equal((started.SessionId, "文森特卡索", "customer"), (hit.SessionId, hit.Keyword, hit.Role));
        Assert.True(hit.Start >= 0 && hit.Start < hit.End && hit.End <= samples.Length / (double)rate + 0.1, $"{hit.Start}–{hit.End}");
        Assert.InRange(hit.Confidence, 0.01f, 1f);
    }

    [Fact]
    public async Task A_mandarin_keyword_the_model_cannot_spell_is_refused_naming_the_character()
    {
        await using var client = Server.Client("wen");
        await client.ConnectAsync();

        var refusal = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => client.StartSessionAsync(new SessionRequest { Language = "zh", Keywords = ["文森特卡索☃"] }));

        Assert.Contains("☃", refusal.Message);
    }

    private async Task<(SessionStarted Started, EventLog Log)> RunAsync(string subject, SessionRequest request, string wav)
    {
        await using var client = Server.Client(subject);
        var log = new EventLog(client);
        await client.ConnectAsync();
        var source = new WavAudioSource(wav);
        request.SampleRate = source.SampleRate;
        var started = await client.OpenSessionAsync(request);
        await client.SendAudioAsync(started.SessionId, source.ReadAsync(100, paced: false));
        return (started, log);
    }
}

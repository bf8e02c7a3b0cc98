using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>The batch jobs API as mounted in the real server: auth, hub progress, results.</summary>
[Collection(ServerCollection.Name)]
public sealed class JobsOnServerTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task A_job_uploaded_to_the_server_reports_progress_over_the_hub_and_yields_its_transcript()
    {
        var token = Server.Tokens.Create("dora");
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseUrl, HubNames.HubPath), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var progress = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("jobProgress", p => progress.Writer.TryWrite(p));
        await hub.StartAsync();

        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var form = new MultipartFormDataContent();
        var wav = new ByteArrayContent(await File.ReadAllBytesAsync(TestPaths.InRepo("samples", "silero-test.wav")));
        wav.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(wav, "files", "silero-test.wav");
        form.Add(new StringContent("txt,srt"), "formats");

        using var created = await http.PostAsync("/api/jobs", form);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await hub.InvokeAsync("SubscribeJob", jobId);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var states = new List<string>();
        await foreach (var p in progress.Reader.ReadAllAsync(timeout.Token))
        {
            Assert.Equal(jobId, p.GetProperty("jobId").GetString());
            var state = p.GetProperty("state").GetString()!;
            states.Add(state);
            if (state is "completed" or "failed" or "cancelled")
            {
                break;
            }
        }

        Assert.Equal("completed", states[^1]);
        var text = await http.GetStringAsync($"/api/jobs/{jobId}/result.txt");
        Assert.False(string.IsNullOrWhiteSpace(text));
        var srt = await http.GetStringAsync($"/api/jobs/{jobId}/result.srt");
        Assert.Contains("-->", srt);
    }

    [Fact]
    public async Task A_jobs_hotwords_bias_its_transcript()
    {
        // Hi-Fi TTS: "putting his horse into an ambling pace"; Moonshine tiny alone hears "emberling".
        var audio = TestPaths.SharedTestData("audio", "hifitts", "audio", "jaufry_02_lafon_0029.wav");
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Tokens.Create("erin"));

        var plain = await TranscribeAsync(http, audio, hotwords: null);
        var biased = await TranscribeAsync(http, audio, hotwords: "ambling");

        Assert.DoesNotContain("ambling", plain, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ambling", biased, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> TranscribeAsync(HttpClient http, string audio, string? hotwords)
    {
        using var form = new MultipartFormDataContent();
        var wav = new ByteArrayContent(await File.ReadAllBytesAsync(audio));
        wav.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(wav, "files", Path.GetFileName(audio));
        form.Add(new StringContent("txt"), "formats");
        if (hotwords is not null)
        {
            form.Add(new StringContent(hotwords), "hotwords");
        }

        using var created = await http.PostAsync("/api/jobs", form);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("state").GetString() is "queued" or "running")
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} did not finish in 2 minutes");
            await Task.Delay(100);
        }

        return await http.GetStringAsync($"/api/jobs/{jobId}/result.txt");
    }

    [Fact]
    public async Task The_jobs_api_refuses_a_request_without_a_token()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };

        using var response = await http.GetAsync("/api/jobs/abc");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_api_lists_the_inference_device_and_releases_its_cache()
    {
        using var http = Server.AdminHttp();

        var devices = await http.GetFromJsonAsync<JsonElement>("/api/admin/devices");
        using var released = await http.PostAsync("/api/admin/devices/release-cache", null);

        var device = Assert.Single(devices.EnumerateArray());
        Assert.Equal("cpu", device.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
    }

    [Fact]
    public async Task The_call_lookup_says_when_sip_is_not_enabled()
    {
        using var http = Server.AdminHttp();

        using var response = await http.GetAsync("/api/calls?key=abc");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sip:Enabled", await response.Content.ReadAsStringAsync());
    }
}

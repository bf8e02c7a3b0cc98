using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Streaming.Client;
using Streaming.Protocol;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>
/// Keyword spotting through every ingress of the real server, on jfk.wav (English, Moonshine): "… ask not what your
/// country can do for you (about 4.5 s), ask what you can do for your country (about 10 s)."
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class KeywordTests(SharedServer shared)
{
    private static readonly string Jfk = TestPaths.InRepo("samples", "jfk.wav");

    private TestServer Server => shared.Server;

    // Moonshine's token times are spread over the segment in proportion to their length, so ±1.5 s of the word.
    private static void AssertTwoCountries(IReadOnlyList<(double Start, double End)> hits)
    {
        Assert.Equal(2, hits.Count);
        Assert.InRange(hits[0].Start, 3.0, 6.0);
        Assert.InRange(hits[1].Start, 8.5, 11.5);
        Assert.All(hits, h => Assert.True(h.End > h.Start, $"{h}"));
    }

    [Fact]
    public async Task A_signalr_session_with_a_keyword_gets_keywordSpotted_with_times_and_role_and_metrics_count_them()
    {
        await using var client = Server.Client("kim");
        var log = new EventLog(client);
        await client.ConnectAsync();
        var source = new WavAudioSource(Jfk);
        var sessionId = await client.StartSessionAsync(new SessionRequest { SampleRate = source.SampleRate, Keywords = ["country"], Role = "agent" });

        await client.SendAudioAsync(sessionId, source.ReadAsync(paced: false));

        var hits = log.Keywords;
        Assert.All(hits, k => Assert.Equal((sessionId, "country", "agent"), (k.SessionId, k.Keyword, k.Role)));
        Assert.All(hits, k => Assert.InRange(k.Confidence, 0.01f, 1f));
        AssertTwoCountries([.. hits.Select(k => (k.Start, k.End))]);
        var finals = log.Finals.ToDictionary(f => f.SegmentId);
        Assert.All(hits, k => Assert.Contains("country", finals[k.SegmentId].Text, StringComparison.OrdinalIgnoreCase));
        using var admin = Server.AdminHttp();
        var metrics = await admin.GetStringAsync("/metrics");
        Assert.Matches(@"streaming_keywords_spotted_total\{[^}]*keyword=""country""[^}]*role=""agent""[^}]*\} [1-9]", metrics);
    }

    [Theory]
    [InlineData("refund :lots", "session keywords:2: boost 'lots'")]
    [InlineData("?!", "has no letters or digits")]
    public async Task A_bad_or_unmatchable_keyword_is_refused_with_a_hub_error_saying_why(string keyword, string reason)
    {
        await using var client = Server.Client("lee");
        await client.ConnectAsync();

        var refusal = await Assert.ThrowsAsync<HubException>(() => client.StartSessionAsync(new SessionRequest { Keywords = ["country", keyword] }));

        Assert.Contains(reason, refusal.Message);
    }

    [Fact]
    public async Task A_FunAsr_client_with_keywords_gets_keyword_spotted_messages_in_milliseconds_beside_its_results()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl, "/ws/funasr", Server.Tokens.Create("mo"), subProtocol: null);
        await client.SendTextAsync(FunAsrProtocolClient.StartMessage("jfk", extra: ""","keywords":["country"]"""));
        await client.SendAudioAsync(FunAsrProtocolClient.Pcm("jfk.wav"), stride: 9600);
        await client.SendTextAsync("""{"is_speaking":false}""");

        var messages = await client.ReceiveAllAsync();

        var spotted = messages.Where(m => m.TryGetProperty("type", out var t) && t.GetString() == "keyword_spotted").ToArray();
        Assert.All(spotted, m => Assert.False(m.TryGetProperty("mode", out _), "stock FunASR clients skip messages without mode"));
        Assert.All(spotted, m => Assert.Equal(("jfk", "country", ""), (m.GetProperty("wav_name").GetString(), m.GetProperty("keyword").GetString(), m.GetProperty("text").GetString())));
        AssertTwoCountries([.. spotted.Select(m => (m.GetProperty("start").GetInt64() / 1000.0, m.GetProperty("end").GetInt64() / 1000.0))]);
        Assert.True(messages[^1].GetProperty("is_final").GetBoolean(), "the last message is still the final result");
    }

    [Fact]
    public async Task A_FunAsr_start_message_with_malformed_keywords_is_refused()
    {
        using var client = await FunAsrProtocolClient.ConnectAsync(Server.BaseUrl, "/ws/funasr", Server.Tokens.Create("mo"), subProtocol: null);
        await client.SendTextAsync(FunAsrProtocolClient.StartMessage("jfk", extra: ""","keywords":"country #2" """));

        var refusal = Assert.Single(await client.ReceiveAllAsync());

        Assert.Contains("threshold", refusal.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_jobs_keywords_are_listed_in_its_json_result_and_marked_in_its_subtitles()
    {
        using var http = JobsHttp("pat");
        var jobId = await CreateJobAsync(http, "country");
        await WaitForJobAsync(http, jobId);

        var json = await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/result.json");
        var srt = await http.GetStringAsync($"/api/jobs/{jobId}/result.srt");

        var file = json.GetProperty("files")[0];
        var hits = file.GetProperty("keywords").EnumerateArray().ToArray();
        Assert.All(hits, h => Assert.Equal("country", h.GetProperty("keyword").GetString()));
        AssertTwoCountries([.. hits.Select(h => (h.GetProperty("start").GetDouble(), h.GetProperty("end").GetDouble()))]);
        Assert.Equal(2, file.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("keywords").GetArrayLength()));
        Assert.Equal(2, CountOf(srt, "<b>country</b>"));
    }

    [Fact]
    public async Task A_job_with_an_unmatchable_keyword_is_refused_with_problem_details()
    {
        using var http = JobsHttp("pat");
        using var form = JobForm("?!");

        using var created = await http.PostAsync("/api/jobs", form);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType?.MediaType);
        Assert.Contains("has no letters or digits", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.OrdinalIgnoreCase).Length) / part.Length;

    private HttpClient JobsHttp(string subject)
    {
        var http = new HttpClient { BaseAddress = Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Tokens.Create(subject));
        return http;
    }

    private static MultipartFormDataContent JobForm(string keywords)
    {
        var form = new MultipartFormDataContent();
        var wav = new ByteArrayContent(File.ReadAllBytes(Jfk));
        wav.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(wav, "files", "jfk.wav");
        form.Add(new StringContent("json,srt"), "formats");
        form.Add(new StringContent(keywords), "keywords");
        return form;
    }

    private static async Task<string> CreateJobAsync(HttpClient http, string keywords)
    {
        using var form = JobForm(keywords);
        using var created = await http.PostAsync("/api/jobs", form);
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task WaitForJobAsync(HttpClient http, string jobId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        string? state;
        while ((state = (await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("state").GetString()) is "queued" or "running")
        {
            Assert.True(DateTime.UtcNow < deadline, $"job {jobId} did not finish in 2 minutes");
            await Task.Delay(100);
        }

        Assert.Equal("completed", state);
    }
}

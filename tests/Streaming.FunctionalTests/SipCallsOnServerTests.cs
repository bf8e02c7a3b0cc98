using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Streaming.Audio;
using Streaming.Protocol;
using Streaming.Server.Sessions;
using Streaming.Server.Sip;
using Streaming.Sip.Message;
using Streaming.Sip.Tests;
using Streaming.Testing;

namespace Streaming.FunctionalTests;

/// <summary>SIP calls into the real server become sessions that viewers find and watch like any other.</summary>
public sealed class SipCallsOnServerTests
{
    [Fact]
    public async Task A_sip_call_is_a_session_a_viewer_finds_by_agent_id_and_watches_to_its_final()
    {
        await using var server = await TestServer.StartAsync(SipSettings());
        var sipPort = ((SipHost)server.Services.GetService(typeof(SipHost))!).UdpEndPoint!.Port;
        using var ua = new TestUserAgent(sipPort);
        var invite = ua.Request("INVITE", sdp: TestUserAgent.Offer((40010, "0", "a=sendrecv")));
        invite.Add("X-Agent-Id", "agent-7");
        await ua.SendAsync(invite);
        var ok = await ua.ResponseAsync();
        Assert.Equal(200, ok.StatusCode);
        await ua.SendAsync(ua.Ack(ok));

        using var http = server.AdminHttp();
        var calls = await http.GetFromJsonAsync<JsonElement>("/api/calls?key=agent-7");
        var call = Assert.Single(calls.EnumerateArray());
        var sessionId = call.GetProperty("sessionId").GetString()!;
        await using var viewer = server.Client("supervisor", viewerOf: [sessionId]);
        var log = new EventLog(viewer);
        await viewer.ConnectAsync();
        await viewer.SubscribeAsync(sessionId);

        // "And so my fellow Americans" (0.2–2.4 s), then silence so the segment closes.
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
        Assert.Equal(16000, rate);
        using (var rtp = new RtpSender(TestUserAgent.AnswerPort(ok), 0, 0x5eed))
        {
            await rtp.SendMuLawAsync([.. samples[..(16000 * 3)], .. new float[16000]]);
        }

        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok)));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);
        await log.WaitForAsync(l => l.Finals.Count > 0, seconds: 60);
        Assert.Contains("fellow", string.Join(" ", log.Finals.Select(f => f.Text)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(call.GetProperty("role").GetString(), new[] { "customer", "agent" });
    }

    [Fact]
    public async Task A_sip_call_is_served_by_the_configured_sip_language_and_model()
    {
        var settings = SipSettings();
        settings["Sip:Language"] = "zh";
        settings["Sip:Model"] = "zipformer-wenetspeech-zh";
        settings["Engine:Models:1"] = "zipformer-wenetspeech-zh";
        await using var server = await TestServer.StartAsync(settings);
        var sipPort = ((SipHost)server.Services.GetService(typeof(SipHost))!).UdpEndPoint!.Port;
        using var ua = new TestUserAgent(sipPort);
        await ua.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40020, "0", "a=sendrecv"))));
        var ok = await ua.ResponseAsync();
        Assert.Equal(200, ok.StatusCode);
        await ua.SendAsync(ua.Ack(ok));
        using var http = server.AdminHttp();

        var sessions = await http.GetFromJsonAsync<JsonElement>("/api/admin/sessions");

        var session = Assert.Single(sessions.EnumerateArray());
        Assert.Equal(("zh", "zipformer-wenetspeech-zh"), (session.GetProperty("language").GetString(), session.GetProperty("model").GetString()));
        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok)));
    }

    [Fact]
    public async Task A_sipp_call_spots_its_roles_keywords_and_reports_them_with_role_and_times()
    {
        var settings = SipSettings();
        settings["Sip:Keywords:customer:0"] = "country";
        settings["Sip:Keywords:agent:0"] = "fellow Americans";
        await using var server = await TestServer.StartAsync(settings);
        var sipPort = ((SipHost)server.Services.GetService(typeof(SipHost))!).UdpEndPoint!.Port;
        var watcher = new RecordingSink();
        var registry = (SessionRegistry)server.Services.GetService(typeof(SessionRegistry))!;
        registry.Started += session => session.Subscribe(watcher);
        var work = Directory.CreateTempSubdirectory("sipp-kws-").FullName;
        try
        {
            // The whole of jfk.wav ("… your country can do for you, … for your country.") and a second of silence.
            var (samples, _) = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));
            var pcap = Path.Combine(work, "jfk.pcap");
            PcapWriter.Write(pcap, Sipp.RtpPackets([.. samples, .. new float[16000]], 0), TimeSpan.FromMilliseconds(20));
            var scenario = Path.Combine(work, "uac.xml");
            await File.WriteAllTextAsync(scenario, Sipp.Scenario(pcap, 0, "PCMU", TimeSpan.FromSeconds(13)));

            var (exit, output) = await Sipp.RunAsync(
                $"127.0.0.1:{sipPort} -t u1 -sf {scenario} -m 1 -l 1 -i 127.0.0.1 -p {Sipp.FreePort()} -mp {Sipp.FreePort()} -timeout 80s -timeout_error -nostdin",
                TimeSpan.FromSeconds(90));
            Assert.True(exit == 0, $"sipp exited {exit}:\n{output}");
            await watcher.Completed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        // One audio stream without a label: the first configured role, customer, whose list is "country".
        var hits = watcher.Keywords.OrderBy(k => k.Start).ToArray();
        Assert.Equal(2, hits.Length);
        Assert.All(hits, k => Assert.Equal(("country", "customer"), (k.Keyword, k.Role)));
        Assert.InRange(hits[0].Start, 3.0, 6.0);
        Assert.InRange(hits[1].Start, 8.5, 11.5);
        Assert.All(hits, k => Assert.True(k.End > k.Start));
    }

    [Fact]
    public async Task A_server_whose_sip_keyword_list_is_malformed_does_not_start_saying_which_role()
    {
        var settings = SipSettings();
        settings["Sip:Keywords:agent:0"] = "refund #7";

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => TestServer.StartAsync(settings));

        Assert.Contains("Sip:Keywords:agent:1", error.Message);
    }

    // Sees a call's session events the way a hub subscriber does, in the server's process.
    private sealed class RecordingSink : ISessionEventSink
    {
        private readonly ConcurrentQueue<KeywordSpotted> _keywords = new();

        public string ConnectionId { get; } = "recording-sink";

        public IReadOnlyList<KeywordSpotted> Keywords => [.. _keywords];

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(OutgoingEvent item, CancellationToken cancellationToken)
        {
            if (item.Payload is KeywordSpotted spotted)
            {
                _keywords.Enqueue(spotted);
            }

            return Task.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken)
        {
            Completed.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private static Dictionary<string, string?> SipSettings() => new()
    {
        ["Sip:Enabled"] = "true",
        ["Sip:ListenAddress"] = "127.0.0.1",
        ["Sip:MediaAddress"] = "127.0.0.1",
        ["Sip:UdpPort"] = "0",
        ["Sip:TcpPort"] = "0",
        ["Sip:AllowedPeers:0"] = "127.0.0.1",
    };
}

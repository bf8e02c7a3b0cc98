using System.Net.Http.Json;
using System.Text.Json;
using Streaming.Audio;
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

using System.Diagnostics.Metrics;
using System.Text;
using Streaming.Pipeline;
using Streaming.Sip.Calls;
using Streaming.Sip.Message;
using Streaming.Sip.Rtp;

namespace Streaming.Sip.Tests;

[Collection(SipCollection.Name)]
public sealed class UserAgentCallTests(SipFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Opus_call_with_codec_changing_reinvite_yields_one_session_with_transcript_and_clean_hangup()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        var invite = ua.Request("INVITE", sdp: TestUserAgent.Offer((40000, "111 0", "a=rtpmap:111 opus/48000/2|a=sendrecv")));
        invite.Add("X-Agent-Id", "agent-42");
        await ua.SendAsync(invite);
        var ok = await ua.ResponseAsync();
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("a=rtpmap:111 opus/48000/2", Encoding.UTF8.GetString(ok.Body), StringComparison.Ordinal);
        await ua.SendAsync(ua.Ack(ok));

        var session = Assert.Single(await server.WaitForSessionsAsync(1, Wait));
        Assert.Equal(RtpCodec.Opus, session.Info.Codec);
        Assert.Equal(session.Info, Assert.Single(server.Ingress.FindSessions("agent-42")));
        Assert.Equal(session.Info, Assert.Single(server.Ingress.FindSessions(ua.CallId)));

        using var rtp = new RtpSender(TestUserAgent.AnswerPort(ok), 111, 0x1234);
        var half = fixture.Speech.Length / 2;
        await rtp.SendOpusAsync(fixture.Speech[..half]);

        // re-INVITE moving the stream to PCMU: same dialog, same session, new SDP version.
        await ua.SendAsync(ua.Request("INVITE", TestUserAgent.ToTag(ok), TestUserAgent.Offer((40000, "0", "a=sendrecv"))));
        var reOk = await ua.ResponseAsync();
        Assert.Equal(200, reOk.StatusCode);
        Assert.Contains("o=streaming", Encoding.UTF8.GetString(reOk.Body), StringComparison.Ordinal);
        Assert.Contains(" 2 IN IP4", Encoding.UTF8.GetString(reOk.Body), StringComparison.Ordinal);
        Assert.Equal(TestUserAgent.AnswerPort(ok), TestUserAgent.AnswerPort(reOk));
        await ua.SendAsync(ua.Ack(reOk));
        rtp.PayloadType = 0;
        await rtp.SendMuLawAsync(fixture.Speech[half..]);

        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok)));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);
        Assert.Equal("remote hangup", await session.Ended.Task.WaitAsync(Wait));
        var events = await session.Events.WaitAsync(Wait);
        Assert.Contains(events, e => e is SpeechStartedEvent);
        var text = await session.FinalTextAsync(Wait);
        Assert.True(text.Contains("fellow", StringComparison.OrdinalIgnoreCase), $"transcript: '{text}'");
        Assert.Single(server.Sessions);
        Assert.Empty(server.Ingress.FindSessions(ua.CallId));
    }

    [Fact]
    public async Task Cancel_while_the_session_opens_answers_487_and_releases_the_session()
    {
        var gate = new GatedSessionFactory(fixture.SessionFactory());
        await using var server = await fixture.StartAsync(factory: gate);
        using var ua = new TestUserAgent(server.Port);
        var invite = ua.Request("INVITE", sdp: TestUserAgent.Offer((40002, "0", string.Empty)));
        await ua.SendAsync(invite);
        Assert.Equal(100, (await ua.ResponseAsync(minimum: 100)).StatusCode);
        await gate.Opening.Task.WaitAsync(Wait);

        var cancel = new SipRequest("CANCEL", invite.Uri);
        foreach (var name in new[] { "Via", "Max-Forwards", "From", "To", "Call-ID" })
        {
            cancel.Add(name, invite[name]!);
        }

        cancel.Add("CSeq", $"{invite.CSeq.Number} CANCEL");
        await ua.SendAsync(cancel);
        var responses = new[] { await ua.ResponseAsync(), await ua.ResponseAsync() };
        Assert.Contains(responses, r => r.StatusCode == 200 && r.CSeq.Method == "CANCEL");
        var terminated = Assert.Single(responses, r => r.CSeq.Method == "INVITE");
        Assert.Equal(487, terminated.StatusCode);
        var ack = ua.Request("ACK", TestUserAgent.ToTag(terminated), cseq: invite.CSeq.Number);
        ack.Set("Via", invite["Via"]!);
        await ua.SendAsync(ack);

        gate.Release.SetResult();
        await gate.Disposed.Task.WaitAsync(Wait);
        Assert.Empty(server.Sessions);
        Assert.Null(await ua.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Call_without_rtp_is_ended_with_bye_and_reason()
    {
        await using var server = await fixture.StartAsync(o => o.NoRtpTimeoutSeconds = 1);
        using var ua = new TestUserAgent(server.Port);
        await ua.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40004, "8", string.Empty))));
        var ok = await ua.ResponseAsync();
        await ua.SendAsync(ua.Ack(ok));
        var session = Assert.Single(await server.WaitForSessionsAsync(1, Wait));

        var bye = await ua.RequestAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("BYE", bye.Method);
        Assert.Contains("No RTP", bye["Reason"], StringComparison.Ordinal);
        Assert.Equal(TestUserAgent.ToTag(ok), HeaderValue.Parameter(bye["From"]!, "tag"));
        await ua.SendAsync(SipResponse.For(bye, 200, "OK"));
        Assert.Equal("no RTP", await session.Ended.Task.WaitAsync(Wait));
    }

    [Fact]
    public async Task Digest_credentials_admit_a_peer_outside_the_allow_list()
    {
        await using var server = await fixture.StartAsync(o =>
        {
            o.AllowedPeers = [];
            o.Users = new() { ["trunk"] = "s3cret" };
        });
        using var ua = new TestUserAgent(server.Port);
        var sdp = TestUserAgent.Offer((40006, "0", string.Empty));
        await ua.SendAsync(ua.Request("INVITE", sdp: sdp));
        var challenge = await ua.ResponseAsync();
        Assert.Equal(401, challenge.StatusCode);
        var fields = Auth.DigestAuthenticator.Fields(challenge["WWW-Authenticate"]!["Digest ".Length..]);

        var invite = ua.Request("INVITE", sdp: sdp);
        await ua.SendAsync(ua.Ack(challenge));
        var uri = invite.Uri;
        var ha1 = Auth.DigestAuthenticator.Md5($"trunk:{fields["realm"]}:s3cret");
        var ha2 = Auth.DigestAuthenticator.Md5($"INVITE:{uri}");
        var response = Auth.DigestAuthenticator.Md5($"{ha1}:{fields["nonce"]}:00000001:abcd:auth:{ha2}");
        invite.Add("Authorization", $"Digest username=\"trunk\", realm=\"{fields["realm"]}\", nonce=\"{fields["nonce"]}\", uri=\"{uri}\", qop=auth, nc=00000001, cnonce=\"abcd\", response=\"{response}\", algorithm=MD5");
        await ua.SendAsync(invite);
        var ok = await ua.ResponseAsync();
        Assert.Equal(200, ok.StatusCode);
        await ua.SendAsync(ua.Ack(ok));
        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok)));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);

        var wrong = ua.Request("INVITE", sdp: sdp);
        wrong.Add("Authorization", invite["Authorization"]!.Replace(response, new string('0', 32), StringComparison.Ordinal));
        await ua.SendAsync(wrong);
        Assert.Equal(401, (await ua.ResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task Hostile_rtp_is_ignored_and_counted_while_the_call_goes_on()
    {
        await using var server = await fixture.StartAsync();
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == server.Ingress.Metrics.Meter && instrument.Name == "rtp.packets.ignored")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (counts)
            {
                var reason = (string)tags.ToArray().Single(t => t.Key == "reason").Value!;
                counts[reason] = counts.GetValueOrDefault(reason) + value;
            }
        });
        listener.Start();

        using var ua = new TestUserAgent(server.Port);
        await ua.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40008, "0", string.Empty))));
        var ok = await ua.ResponseAsync();
        await ua.SendAsync(ua.Ack(ok));
        using var rtp = new RtpSender(TestUserAgent.AnswerPort(ok), 0, 7);
        await rtp.SendAsync(new byte[160], 160);
        await rtp.SendRawAsync(RtpPacket.Build(8, 1, 0, 7, new byte[160]));
        await rtp.SendRawAsync(RtpPacket.Build(0, 2, 0, 99, new byte[160]));
        await rtp.SendRawAsync(RtpPacket.Build(0, 3, 0, 7, new byte[4000]));
        await rtp.SendRawAsync([0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7, 1, 2]);
        await rtp.SendRawAsync([0x8F, 0, 0, 1]);
        using (var stranger = new RtpSender(TestUserAgent.AnswerPort(ok), 0, 7, localAddress: "127.0.0.2"))
        {
            await stranger.SendAsync(new byte[160], 160);
        }

        var expected = new[] { "wrong_payload_type", "wrong_ssrc", "bad_size", "bad_version", "too_short", "wrong_source" };
        for (var i = 0; i < 100 && expected.Any(r => !counts.ContainsKey(r)); i++)
        {
            await Task.Delay(50);
        }

        lock (counts)
        {
            Assert.All(expected, reason => Assert.Equal(1, counts.GetValueOrDefault(reason)));
        }

        await ua.SendAsync(ua.Request("OPTIONS"));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);
        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok)));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task Two_streams_are_recognised_as_separate_channels_with_roles()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        await ua.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40010, "0", "a=label:agent"), (40012, "0", "a=label:customer"))));
        var ok = await ua.ResponseAsync();
        Assert.Equal(200, ok.StatusCode);
        await ua.SendAsync(ua.Ack(ok));
        var sessions = await server.WaitForSessionsAsync(2, Wait);
        Assert.Equal(["agent", "customer"], sessions.Select(s => s.Info.Role).Order());

        using var agent = new RtpSender(TestUserAgent.AnswerPort(ok, 0), 0, 1);
        using var customer = new RtpSender(TestUserAgent.AnswerPort(ok, 1), 0, 2);
        await Task.WhenAll(agent.SendMuLawAsync(new float[fixture.Speech.Length]), customer.SendMuLawAsync(fixture.Speech));
        await HangUpAndExpectOnlyTheCustomerSpokeAsync(ua, ok, sessions);
    }

    [Fact]
    public async Task Stereo_opus_stream_splits_into_customer_and_agent_sessions()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        await ua.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40014, "96", "a=rtpmap:96 opus/48000/2|a=fmtp:96 stereo=1"))));
        var ok = await ua.ResponseAsync();
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("stereo=1", Encoding.UTF8.GetString(ok.Body), StringComparison.Ordinal);
        await ua.SendAsync(ua.Ack(ok));
        var sessions = await server.WaitForSessionsAsync(2, Wait);
        Assert.Equal(["customer", "agent"], sessions.OrderBy(s => s.Info.SessionId, StringComparer.Ordinal).Select(s => s.Info.Role));

        // Left channel (customer) speaks, right channel (agent) is silent.
        var stereo = new float[fixture.Speech.Length * 2];
        for (var i = 0; i < fixture.Speech.Length; i++)
        {
            stereo[2 * i] = fixture.Speech[i];
        }

        using var rtp = new RtpSender(TestUserAgent.AnswerPort(ok), 96, 5);
        await rtp.SendOpusAsync(stereo, channels: 2);
        await HangUpAndExpectOnlyTheCustomerSpokeAsync(ua, ok, sessions);
    }

    // The customer's channel carried the speech, the agent's silence: one transcript, no speech on the other.
    private static async Task HangUpAndExpectOnlyTheCustomerSpokeAsync(TestUserAgent ua, SipResponse ok, IReadOnlyList<RecordedSession> sessions)
    {
        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok)));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);

        var customerText = await sessions.Single(s => s.Info.Role == "customer").FinalTextAsync(Wait);
        Assert.Contains("fellow", customerText, StringComparison.OrdinalIgnoreCase);
        var agentEvents = await sessions.Single(s => s.Info.Role == "agent").Events.WaitAsync(Wait);
        Assert.DoesNotContain(agentEvents, e => e is SpeechStartedEvent);
    }

    [Fact]
    public async Task Unacknowledged_200_is_retransmitted_until_the_ack()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        await ua.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40016, "0", string.Empty))));
        var first = await ua.ResponseAsync();
        var again = await ua.ResponseAsync(timeout: TimeSpan.FromSeconds(2));
        Assert.Equal((200, first.CallId, first.CSeq), (again.StatusCode, again.CallId, again.CSeq));
        await ua.SendAsync(ua.Ack(first));

        // Drain a retransmission already in flight, then nothing more may come.
        await ua.ReceiveAsync(TimeSpan.FromMilliseconds(150));
        Assert.Null(await ua.ReceiveAsync(TimeSpan.FromMilliseconds(900)));
        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(first)));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task Session_that_cannot_keep_up_ends_the_call_with_bye_and_reason()
    {
        await using var server = await fixture.StartAsync(factory: new OverloadedSessionFactory());
        using var ua = new TestUserAgent(server.Port);
        await ua.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40018, "0", string.Empty))));
        var ok = await ua.ResponseAsync();
        await ua.SendAsync(ua.Ack(ok));
        using var rtp = new RtpSender(TestUserAgent.AnswerPort(ok), 0, 9);
        for (var i = 0; i < 5; i++)
        {
            await rtp.SendAsync(new byte[160], 160);
        }

        var bye = await ua.RequestAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("BYE", bye.Method);
        Assert.Contains("cause=503", bye["Reason"], StringComparison.Ordinal);
        Assert.Contains("overloaded", bye["Reason"], StringComparison.Ordinal);
        await ua.SendAsync(SipResponse.For(bye, 200, "OK"));
    }

    [Fact]
    public async Task Session_timer_is_granted_and_refreshed_by_update()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        var invite = ua.Request("INVITE", sdp: TestUserAgent.Offer((40020, "0", string.Empty)))
            .Add("Supported", "timer")
            .Add("Session-Expires", "120");
        await ua.SendAsync(invite);
        var ok = await ua.ResponseAsync();
        Assert.Equal("120;refresher=uac", ok["Session-Expires"]);
        Assert.Equal("timer", ok["Require"]);
        await ua.SendAsync(ua.Ack(ok));

        await ua.SendAsync(ua.Request("UPDATE", TestUserAgent.ToTag(ok)).Add("Session-Expires", "120"));
        var refreshed = await ua.ResponseAsync();
        Assert.Equal((200, "UPDATE"), (refreshed.StatusCode, refreshed.CSeq.Method));
        Assert.Equal("120;refresher=uac", refreshed["Session-Expires"]);

        await ua.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok)));
        Assert.Equal(200, (await ua.ResponseAsync()).StatusCode);
    }

    /// <summary>Sessions whose input queue is always full, as a recogniser that has fallen behind reports it.</summary>
    private sealed class OverloadedSessionFactory : ICallSessionFactory
    {
        public ValueTask<ICallSession> OpenAsync(CallSessionInfo info, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ICallSession>(new Overloaded());

        private sealed class Overloaded : ICallSession
        {
            public AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> pcm16) => AudioWriteResult.Overloaded;

            public void Complete()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    /// <summary>Wraps the real factory and holds the INVITE pending until the test releases it.</summary>
    private sealed class GatedSessionFactory(ICallSessionFactory inner) : ICallSessionFactory
    {
        public TaskCompletionSource Opening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<ICallSession> OpenAsync(CallSessionInfo info, CancellationToken cancellationToken)
        {
            Opening.TrySetResult();
            await Release.Task;
            return new Tracked(await inner.OpenAsync(info, cancellationToken), Disposed);
        }

        private sealed class Tracked(ICallSession inner, TaskCompletionSource disposed) : ICallSession
        {
            public AudioWriteResult TryWriteAudio(ReadOnlyMemory<byte> pcm16) => inner.TryWriteAudio(pcm16);

            public void Complete() => inner.Complete();

            public async ValueTask DisposeAsync()
            {
                await inner.DisposeAsync();
                disposed.TrySetResult();
            }
        }
    }
}

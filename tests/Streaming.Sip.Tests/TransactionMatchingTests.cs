using Streaming.Sip.Message;

namespace Streaming.Sip.Tests;

/// <summary>RFC 3261 §17.2.3 server transaction matching, seen from peers on the wire.</summary>
[Collection(SipCollection.Name)]
public sealed class TransactionMatchingTests(SipFixture fixture)
{
    [Fact]
    public async Task Two_peers_reusing_one_branch_each_get_their_own_response()
    {
        await using var server = await fixture.StartAsync();
        using var first = new TestUserAgent(server.Port);
        using var second = new TestUserAgent(server.Port);
        var refused = first.Request("OPTIONS").Add("Require", "nothingSupportsThis");
        var served = second.Request("OPTIONS");
        refused.Set("Via", $"SIP/2.0/UDP 127.0.0.1:{first.Port};branch=z9hG4bKshared");
        served.Set("Via", $"SIP/2.0/UDP 127.0.0.1:{second.Port};branch=z9hG4bKshared");

        await first.SendAsync(refused);
        var firstAnswer = await first.ResponseAsync();
        await second.SendAsync(served);
        var secondAnswer = await second.ResponseAsync();

        Assert.Equal((420, first.CallId), (firstAnswer.StatusCode, firstAnswer.CallId));
        Assert.Equal((200, second.CallId), (secondAnswer.StatusCode, secondAnswer.CallId));
    }

    [Fact]
    public async Task Retransmission_with_the_same_branch_and_sent_by_gets_the_first_response_again()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        var options = ua.Request("OPTIONS");

        await ua.SendAsync(options);
        var answer = await ua.ResponseAsync();
        await ua.SendAsync(options);
        var again = await ua.ResponseAsync();

        // The first answer's To tag is ours alone: a new transaction would have drawn a fresh one.
        Assert.Equal(TestUserAgent.ToTag(answer), TestUserAgent.ToTag(again));
    }

    [Fact]
    public async Task Rfc2543_requests_without_the_cookie_match_on_call_id_cseq_and_via()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        var via = $"SIP/2.0/UDP 127.0.0.1:{ua.Port}";
        var options = ua.Request("OPTIONS", cseq: 7).Set("Via", via);
        var other = ua.Request("OPTIONS", cseq: 8).Set("Via", via);

        await ua.SendAsync(options);
        var answer = await ua.ResponseAsync();
        await ua.SendAsync(options);
        var retransmitted = await ua.ResponseAsync();
        await ua.SendAsync(other);
        var separate = await ua.ResponseAsync();

        Assert.Equal(TestUserAgent.ToTag(answer), TestUserAgent.ToTag(retransmitted));
        Assert.Equal(8, separate.CSeq.Number);
        Assert.NotEqual(TestUserAgent.ToTag(answer), TestUserAgent.ToTag(separate));
    }

    [Fact]
    public async Task Rfc2543_ack_with_our_to_tag_ends_the_retransmissions_of_a_refusal()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        var via = $"SIP/2.0/UDP 127.0.0.1:{ua.Port}";
        var invite = ua.Request("INVITE").Set("Via", via);
        await ua.SendAsync(invite);
        var refusal = await ua.ResponseAsync();
        Assert.Equal(488, refusal.StatusCode);

        var ack = ua.Request("ACK", TestUserAgent.ToTag(refusal), cseq: invite.CSeq.Number).Set("Via", via);
        await ua.SendAsync(ack);
        // Drain what was already on its way, then nothing more may come (timer G would resend within 400 ms).
        while (await ua.ReceiveAsync(TimeSpan.FromMilliseconds(150)) is not null)
        {
        }

        Assert.Null(await ua.ReceiveAsync(TimeSpan.FromMilliseconds(900)));
    }

    [Fact]
    public async Task Idle_tcp_connection_is_closed_and_counted()
    {
        await using var server = await fixture.StartAsync(o => o.TcpIdleTimeoutSeconds = 1);
        using var metrics = new MetricRecorder(server.Ingress);
        using var tcp = await TcpTestClient.ConnectAsync(server.Ingress.TcpEndPoint!.Port);

        Assert.True(await tcp.WaitClosedAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, metrics.Total("sip.tcp.closed", "idle"));
    }

    [Fact]
    public async Task Tcp_connection_of_a_live_call_outlasts_the_idle_timeout()
    {
        await using var server = await fixture.StartAsync(o => o.TcpIdleTimeoutSeconds = 1);
        using var metrics = new MetricRecorder(server.Ingress);
        using var ua = new TestUserAgent(server.Port);
        using var tcp = await TcpTestClient.ConnectAsync(server.Ingress.TcpEndPoint!.Port);
        var via = $"SIP/2.0/TCP 127.0.0.1:{ua.Port};branch=z9hG4bK";
        await tcp.SendAsync(ua.Request("INVITE", sdp: TestUserAgent.Offer((40020, "0", string.Empty))).Set("Via", via + "inv").ToBytes());
        var ok = await tcp.ResponseAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(200, ok?.StatusCode);
        await tcp.SendAsync(ua.Ack(ok!).Set("Via", via + "ack").ToBytes());

        Assert.False(await tcp.WaitClosedAsync(TimeSpan.FromSeconds(3)), "the connection of a live call was closed as idle");
        await tcp.SendAsync(ua.Request("BYE", TestUserAgent.ToTag(ok!)).Set("Via", via + "bye").ToBytes());
        Assert.Equal(200, (await tcp.ResponseAsync(TimeSpan.FromSeconds(10)))?.StatusCode);
        Assert.Equal(0, metrics.Total("sip.tcp.closed", "idle"));

        // Once the call is over, the connection is idle like any other.
        Assert.True(await tcp.WaitClosedAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, metrics.Total("sip.tcp.closed", "idle"));
    }
}

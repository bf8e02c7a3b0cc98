using System.Text;
using Streaming.Sip.Message;
using Streaming.Testing;

namespace Streaming.Sip.Tests;

/// <summary>
/// The whole RFC 4475 torture corpus, each message sent over UDP and over TCP to a live ingress: the first final
/// response (or its absence, or the connection's close) is the one rfc4475/expected.tsv gives, reason phrases are
/// valid, only a valid INVITE answered 2xx sets up a call, and the ingress answers OPTIONS afterwards with no
/// internal error counted.
/// </summary>
[Collection(SipCollection.Name)]
public sealed class Rfc4475CorpusTests(SipFixture fixture)
{
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(400);

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "rfc4475", "expected.tsv")).Where(l => !l.StartsWith('#')))
        {
            var columns = line.Split('\t');
            data.Add(columns[0], "udp", columns[2], columns[4]);
            data.Add(columns[0], "tcp", columns[3], columns[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Torture_message_gets_the_rfc_outcome_and_the_ingress_stays_healthy(string file, string transport, string expected, string fault)
    {
        var bytes = File.ReadAllBytes(TestPaths.SharedTestData("sip", "rfc4475", file + ".dat"));
        await using var server = await fixture.StartAsync(o =>
        {
            o.T1Ms = 10;
            o.T2Ms = 40;
            o.T4Ms = 50;
            o.TcpMessageTimeoutSeconds = 1;
        });
        using var metrics = new MetricRecorder(server.Ingress);
        using var ua = new TestUserAgent(server.Port);

        var finals = expected is "drop" or "close" ? [] : expected.Split('+').Select(int.Parse).ToList();
        var responses = new List<SipResponse>();
        // A TCP peer stays connected to the end: one dropping its connection is a test of its own.
        using var tcp = transport == "tcp" ? await TcpTestClient.ConnectAsync(server.Ingress.TcpEndPoint!.Port) : null;
        if (transport == "udp")
        {
            await ua.SendRawAsync(bytes);
            while (responses.Count < Math.Max(1, finals.Count) && await FirstFinalOverUdpAsync(ua, finals.Count == 0 ? Silence : TimeSpan.FromSeconds(10)) is { } response)
            {
                responses.Add(response);
            }
        }
        else
        {
            await tcp!.SendAsync(bytes);
            while (responses.Count < Math.Max(1, finals.Count) && await tcp.ResponseAsync(finals.Count == 0 ? Silence : TimeSpan.FromSeconds(10)) is { } response)
            {
                responses.Add(response);
            }

            if (expected == "close")
            {
                Assert.True(await tcp.WaitClosedAsync(TimeSpan.FromSeconds(10)), "the ingress kept a connection with an incomplete message open");
                Assert.Equal(1, metrics.Total("sip.tcp.closed", "message_timeout"));
            }
            else if (expected == "drop")
            {
                Assert.False(tcp.Closed, "the ingress closed the connection after a message it had no answer for");
            }
        }

        Assert.Equal(finals, responses.Select(r => r.StatusCode));
        foreach (var response in responses)
        {
            Assert.True(ReasonPhrase.IsValid(response.Reason), $"invalid reason phrase '{response.Reason}'");
            if (fault != "-" && response.StatusCode >= 400)
            {
                Assert.Contains(fault, response.Reason, StringComparison.OrdinalIgnoreCase);
            }
        }

        // A call exists only for a valid INVITE answered 2xx (its one audio stream is one session).
        var calls = responses.Count(r => r.StatusCode is >= 200 and < 300 && r["CSeq"]!.EndsWith(" INVITE", StringComparison.Ordinal));
        if (calls > 0)
        {
            await server.WaitForSessionsAsync(calls, TimeSpan.FromSeconds(30));
        }

        var probe = ua.Request("OPTIONS");
        await ua.SendAsync(probe);
        var alive = await ua.ResponseAsync(callId: probe.CallId);
        Assert.Equal(200, alive.StatusCode);
        Assert.Equal(calls, server.Sessions.Count);
        Assert.Equal(0, metrics.Total("sip.errors.internal"));
    }

    [Fact]
    public void Corpus_table_covers_every_torture_message()
    {
        var listed = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "rfc4475", "expected.tsv"))
            .Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[0]).Order();
        var stored = Directory.GetFiles(TestPaths.SharedTestData("sip", "rfc4475"), "*.dat").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(stored, listed);
    }

    // Provisional answers are skipped; an INVITE's 2xx is retransmitted, so only the first final counts.
    private static async Task<SipResponse?> FirstFinalOverUdpAsync(TestUserAgent ua, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await ua.ReceiveAsync(deadline - DateTime.UtcNow) is SipResponse { StatusCode: >= 200 } response)
            {
                return response;
            }
        }

        return null;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Streaming.Sip.Message;

namespace Streaming.Sip.Tests;

/// <summary>
/// Hostile and malformed signalling in the spirit of RFC 4475: every file of corpus/ is sent to a live ingress
/// and must get the status listed in corpus/expected.tsv, or no answer at all ("drop"); the stack keeps serving.
/// </summary>
[Collection(SipCollection.Name)]
public sealed class MalformedCorpusTests(SipFixture fixture)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "corpus", "expected.tsv")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_message_gets_its_expected_outcome_and_the_stack_keeps_serving(string file, string expected)
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        await ua.SendRawAsync(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "corpus", file)));

        if (expected == "drop")
        {
            Assert.Null(await ua.ReceiveAsync(TimeSpan.FromMilliseconds(400)));
        }
        else
        {
            var response = await ua.ResponseAsync();
            Assert.Equal(int.Parse(expected), response.StatusCode);
        }

        await ua.SendAsync(ua.Request("OPTIONS"));
        var alive = await ua.ResponseAsync();
        Assert.Equal(200, alive.StatusCode);
        Assert.Contains("INVITE", alive["Allow"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hundreds_of_mutated_requests_cause_no_internal_error()
    {
        await using var server = await fixture.StartAsync();
        long internalErrors = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == server.Ingress.Metrics.Meter && instrument.Name == "sip.errors.internal")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref internalErrors, value));
        listener.Start();

        using var ua = new TestUserAgent(server.Port);
        var random = new Random(3261);
        var bases = new[] { ua.Request("OPTIONS").ToBytes(), ua.Request("BYE", "sometag").ToBytes(), ua.Request("CANCEL").ToBytes() };
        for (var i = 0; i < 300; i++)
        {
            var mutated = bases[i % bases.Length].ToArray();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            await ua.SendRawAsync(mutated);
            if (i % 20 == 19)
            {
                // Read the answers as they come so our own socket buffer does not overflow and drop them.
                while (await ua.ReceiveRawAsync(TimeSpan.FromMilliseconds(100)) is not null)
                {
                }
            }
        }

        // Answers to the mutants may still be queued; the OPTIONS answer is the one with our new CSeq.
        var options = ua.Request("OPTIONS");
        await ua.SendAsync(options);
        SipResponse? alive = null;
        while (alive is null)
        {
            try
            {
                var response = await ua.ResponseAsync(minimum: 100);
                alive = response["CSeq"] == options["CSeq"] && response.CallId == options.CallId ? response : null;
            }
            catch (SipParseException)
            {
                // An answer to a mutant echoes its mangled headers; it is not the one awaited.
            }
        }

        Assert.Equal(200, alive.StatusCode);
        Assert.Equal(0, Interlocked.Read(ref internalErrors));
    }

    [Fact]
    public async Task Huge_udp_message_is_answered_413()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        var huge = ua.Request("OPTIONS").Add("X-Padding", new string('a', 40_000));
        await ua.SendAsync(huge);
        Assert.Equal(413, (await ua.ResponseAsync()).StatusCode);
    }

    [Fact]
    public async Task Tcp_serves_options_and_closes_a_connection_announcing_a_huge_body_with_413()
    {
        await using var server = await fixture.StartAsync();
        using var ua = new TestUserAgent(server.Port);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Ingress.TcpEndPoint!.Port);
        var stream = client.GetStream();

        var options = ua.Request("OPTIONS");
        options.Set("Via", $"SIP/2.0/TCP 127.0.0.1:{((IPEndPoint)client.Client.LocalEndPoint!).Port};branch=z9hG4bKtcp1");
        var invite = ua.Request("INVITE");
        var inviteHead = Encoding.UTF8.GetString(invite.ToBytes()).Replace("Content-Length: 0", "Content-Length: 10000000", StringComparison.Ordinal);
        byte[] wire = [.. options.ToBytes(), .. Encoding.UTF8.GetBytes(inviteHead)];
        await stream.WriteAsync(wire);

        var received = new List<byte>();
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        while ((read = await stream.ReadAsync(buffer, cts.Token)) > 0)
        {
            received.AddRange(buffer.AsSpan(0, read));
        }

        var text = Encoding.UTF8.GetString([.. received]);
        Assert.StartsWith("SIP/2.0 200 OK", text, StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 413 ", text, StringComparison.Ordinal);
    }
}

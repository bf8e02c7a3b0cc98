using System.Text;
using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip.Tests;

public sealed class SipParserTests
{
    private static byte[] Wire(string text) => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));

    [Fact]
    public void Compact_headers_folding_and_comma_joined_vias_are_understood()
    {
        var message = SipParser.Parse(Wire(
            "OPTIONS sip:trunk@127.0.0.1 SIP/2.0\n" +
            "v: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKaaa, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKbbb\n" +
            "Via: SIP/2.0/TCP 10.0.0.3\n ;branch=z9hG4bKccc\n" +
            "f: <sip:a@x>;tag=1\nt: <sip:b@y>\ni: abc@x\nCSeq: 7 OPTIONS\nSubject: one\n\ttwo\nl: 0\n\n"), 4096);

        var request = Assert.IsType<SipRequest>(message);
        Assert.Equal("abc@x", request.CallId);
        Assert.Equal(["z9hG4bKaaa", "z9hG4bKbbb", "z9hG4bKccc"], request.Values("Via").Select(v => HeaderValue.Parameter(v, "branch")));
        Assert.Equal("z9hG4bKaaa", request.TopBranch);
        Assert.Equal("one two", request["Subject"]);
        Assert.Equal(new CSeq(7, "OPTIONS"), request.CSeq);
    }

    [Fact]
    public void Content_length_shorter_than_the_datagram_truncates_the_body()
    {
        var message = SipParser.Parse(Wire(Head("INVITE", 4) + "v=0\nextra"), 4096);
        Assert.Equal("v=0\r", Encoding.UTF8.GetString(message.Body));
    }

    [Theory]
    [InlineData("INVITE sip:x SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nf: <sip:a@x>;tag=1\nt: <sip:b@y>\ni: c\nCSeq: 1 INVITE\nl: 999\n\nv=0\n", 400, "exceeds")]
    [InlineData("INVITE sip:x SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nf: <sip:a@x>;tag=1\nt: <sip:b@y>\ni: c\nCSeq: 1 BYE\n\n", 400, "does not match")]
    [InlineData("INVITE sip:x SIP/7.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nf: <sip:a@x>;tag=1\nt: <sip:b@y>\ni: c\nCSeq: 1 INVITE\n\n", 505, "version")]
    [InlineData("INVITE sip:x SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nf: <sip:a@x>;tag=1\nt: <sip:b@y>\nCSeq: 1 INVITE\n\n", 400, "Call-ID")]
    [InlineData("INVITE sip:x SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nno colon here\nf: <sip:a@x>;tag=1\nt: <sip:b@y>\ni: c\nCSeq: 1 INVITE\n\n", 400, "header line")]
    public void Malformed_requests_raise_the_status_they_deserve_and_keep_headers_for_the_reply(string text, int status, string detail)
    {
        var fault = Assert.Throws<SipParseException>(() => SipParser.Parse(Wire(text), 4096));
        Assert.Equal(status, fault.StatusCode);
        Assert.Contains(detail, fault.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(fault.PartialRequest?["Via"]);
    }

    [Theory]
    [InlineData("To: \"Mr. J. User <sip:j.user@example.com>", "To header (unbalanced quotes)")]
    [InlineData("To: Watson, Thomas <sip:t.watson@example.org>", "To header (display name")]
    [InlineData("To: < sip:t.watson@example.org >", "To header (white space inside <>)")]
    [InlineData("To: <sip:t.watson@example.org>\nContact: sip:user@example.com?Route=%3Csip:x%3E", "Contact header")]
    [InlineData("To: <sip:b@y>\nDate: Fri, 01 Jan 2010 16:00:00 EST", "Date")]
    [InlineData("To: <sip:b@y>\nTo: <sip:c@y>", "Multiple To headers")]
    public void Invalid_addresses_dates_and_repeated_single_value_headers_are_400s_naming_the_header(string headers, string detail)
    {
        var text = $"OPTIONS sip:x@h SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@x>;tag=1\n{headers}\nCall-ID: c\nCSeq: 1 OPTIONS\n\n";
        var fault = Assert.Throws<SipParseException>(() => SipParser.Parse(Wire(text), 4096));
        Assert.Equal(400, fault.StatusCode);
        Assert.Contains(detail, fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<sip:user@example.com>", "angle brackets")]
    [InlineData("sip:user@example.com?Route=%3Csip:example.com%3E", "headers are not allowed")]
    public void Request_uri_in_brackets_or_with_headers_is_a_400(string uri, string detail)
    {
        var fault = Assert.Throws<SipParseException>(() => SipParser.Parse(Wire(Head("OPTIONS", 0).Replace("sip:x@127.0.0.1", uri, StringComparison.Ordinal)), 4096));
        Assert.Equal(400, fault.StatusCode);
        Assert.Contains(detail, fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_mark_in_the_user_part_of_a_request_uri_is_allowed()
    {
        var request = SipParser.Parse(Wire(Head("OPTIONS", 0).Replace("sip:x@127.0.0.1", "sip:crazy?,/;;*:&it+has=1@example.com", StringComparison.Ordinal)), 4096);
        Assert.Equal("sip:crazy?,/;;*:&it+has=1@example.com", Assert.IsType<SipRequest>(request).Uri);
    }

    [Fact]
    public void Message_over_the_size_limit_is_refused_with_413()
    {
        var fault = Assert.Throws<SipParseException>(() => SipParser.Parse(Wire(Head("OPTIONS", 0) + new string(' ', 0)), 100));
        Assert.Equal(413, fault.StatusCode);
    }

    [Fact]
    public void Tcp_framer_splits_a_stream_on_content_length_across_reads()
    {
        var first = Wire(Head("INVITE", 5) + "hello");
        var second = Wire(Head("OPTIONS", 0));
        byte[] stream = [.. "\r\n"u8, .. first, .. second];
        var framer = new SipStreamFramer(4096);
        var messages = new List<byte[]>();
        foreach (var chunk in stream.Chunk(7))
        {
            framer.Append(chunk);
            while (framer.TryTake(out var message))
            {
                messages.Add(message);
            }
        }

        Assert.Equal(2, messages.Count);
        Assert.Equal("hello", Encoding.UTF8.GetString(SipParser.Parse(messages[0], 4096).Body));
        Assert.IsType<SipRequest>(SipParser.Parse(messages[1], 4096));
    }

    [Fact]
    public void Tcp_framer_refuses_a_declared_body_over_the_limit()
    {
        var framer = new SipStreamFramer(1024);
        framer.Append(Wire(Head("INVITE", 5000)));
        var fault = Assert.Throws<SipParseException>(() => framer.TryTake(out _));
        Assert.Equal(413, fault.StatusCode);
        Assert.Equal("INVITE", fault.PartialRequest?.Method);
    }

    [Fact]
    public void Mutated_messages_either_parse_or_raise_a_parse_fault_never_another_exception()
    {
        var valid = Wire(Head("INVITE", 11) + "v=0\ns=x\nt=0");
        var random = new Random(4475);
        for (var i = 0; i < 5000; i++)
        {
            var mutated = valid.ToArray();
            for (var m = random.Next(1, 8); m > 0; m--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var cut = random.Next(2) == 0 ? mutated : mutated[..random.Next(mutated.Length)];
            var error = Record.Exception(() => ParseAndRead(cut));
            Assert.True(error is null or SipParseException, $"case {i}: {error}");
        }
    }

    // Reads what the stack reads from every request, so lazy accessors are exercised too.
    private static void ParseAndRead(byte[] data)
    {
        if (SipParser.Parse(data, 4096) is SipRequest request)
        {
            _ = (request.CSeq, request.TopBranch, request.CallId, request.Values("Via").ToList());
            _ = HeaderValue.Parameter(request["To"]!, "tag");
            _ = HeaderValue.Uri(request["From"]!);
        }
    }

    private static string Head(string method, int length) =>
        $"{method} sip:x@127.0.0.1 SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK{method}\nFrom: <sip:a@x>;tag=1\nTo: <sip:b@y>\nCall-ID: c{method}\nCSeq: 1 {method}\nContent-Length: {length}\n\n";
}

using Streaming.Sip.Message;

namespace Streaming.Sip.Tests;

public sealed class ViaHeaderTests
{
    [Theory]
    [InlineData("SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKa", "UDP", "10.0.0.1:5070", "z9hG4bKa")]
    [InlineData("SIP  /   2.0 /UDP\t192.0.2.2;branch=390skdjuw", "UDP", "192.0.2.2:5060", "390skdjuw")]
    [InlineData("SIP  / 2.0  / TCP     Spindle.Example.com   ;  branch  =   z9hG4bK9ikj8", "TCP", "spindle.example.com:5060", "z9hG4bK9ikj8")]
    [InlineData("SIP/2.0/TLS [2001:db8::1];received=1.2.3.4", "TLS", "[2001:db8::1]:5061", null)]
    public void Linear_white_space_the_grammar_allows_is_read_through(string value, string transport, string sentBy, string? branch)
    {
        var via = ViaHeader.Parse(value);
        Assert.Equal((transport, sentBy, branch), (via.Transport, via.SentBy, via.Branch));
    }

    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.15;;")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/3.0/UDP host")]
    [InlineData("SIP/2.0/UDP host:99999")]
    [InlineData("SIP/2.0/UDP ho st")]
    [InlineData("SIP/2.0/UDP host;branch=")]
    public void Malformed_via_is_a_400(string value)
    {
        Assert.Equal(400, Assert.Throws<SipParseException>(() => ViaHeader.Parse(value)).StatusCode);
    }
}

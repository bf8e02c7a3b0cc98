using System.Net;
using System.Text;
using Streaming.WebRtc.Stun;

namespace Streaming.WebRtc.Tests;

public sealed class StunMessageTests
{
    private static readonly byte[] Password = Encoding.UTF8.GetBytes("VOkJxbRl1RmTxUk/WvJxBt");

    // RFC 5769 §2.1: sample request, short-term credentials.
    private static readonly byte[] SampleRequest = Convert.FromHexString(
        "000100582112a442b7e7a701bc34d686fa87dfae" +
        "802200105354554e207465737420636c69656e74" +
        "002400046e0001ff" +
        "80290008932ff9b151263b36" +
        "000600096576746a3a68367659202020" +
        "000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2" +
        "80280004e57a3bcf");

    // RFC 5769 §2.2: sample IPv4 response (192.0.2.1:32853).
    private static readonly byte[] SampleIpv4Response = Convert.FromHexString(
        "0101003c2112a442b7e7a701bc34d686fa87dfae" +
        "8022000b7465737420766563746f7220" +
        "002000080001a147e112a643" +
        "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7" +
        "80280004c07d4c96");

    [Fact]
    public void Rfc5769_request_integrity_and_fingerprint_verify()
    {
        var message = StunMessage.TryParse(SampleRequest, out var fault);

        Assert.NotNull(message);
        Assert.Null(fault);
        Assert.Equal(StunMessage.BindingRequest, message.Type);
        Assert.Equal("evtj:h6vY", message.Username);
        Assert.True(message.FingerprintValid());
        Assert.True(message.IntegrityValid(Password));
        Assert.False(message.IntegrityValid(Encoding.UTF8.GetBytes("wrong password")));
    }

    [Fact]
    public void Rfc5769_ipv4_response_gives_its_mapped_address()
    {
        var message = StunMessage.TryParse(SampleIpv4Response, out _)!;

        Assert.True(message.FingerprintValid());
        Assert.True(message.IntegrityValid(Password));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), message.XorMappedAddress());
    }

    [Fact]
    public void Xor_mapped_address_is_encoded_as_rfc5769_writes_it()
    {
        var value = StunMessage.EncodeXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), SampleIpv4Response.AsSpan(8, 12));

        Assert.Equal("0001A147E112A643", Convert.ToHexString(value));
    }

    [Fact]
    public void Built_response_verifies_under_the_key_it_was_signed_with()
    {
        var built = new StunMessageBuilder(StunMessage.BindingSuccess, SampleIpv4Response.AsSpan(8, 12))
            .Add(StunAttributeType.Software, Encoding.UTF8.GetBytes("test vector"))
            .Build(Password);

        var message = StunMessage.TryParse(built, out _)!;

        Assert.True(message.FingerprintValid());
        Assert.True(message.IntegrityValid(Password));
        Assert.Equal("test vector", Encoding.UTF8.GetString(message.Attribute(StunAttributeType.Software)!));
    }

    [Fact]
    public void A_flipped_bit_fails_the_fingerprint()
    {
        var damaged = (byte[])SampleRequest.Clone();
        damaged[30] ^= 0x01;

        var message = StunMessage.TryParse(damaged, out _)!;

        Assert.False(message.FingerprintValid());
        Assert.False(message.IntegrityValid(Password));
    }

    [Theory]
    [InlineData("0001")] // shorter than a header
    [InlineData("000100042112a442b7e7a701bc34d686fa87dfae")] // length says 4 more bytes than there are
    [InlineData("000100082112a442b7e7a701bc34d686fa87dfae00060010aabbccdd")] // attribute runs past the end
    [InlineData("000100002112a443b7e7a701bc34d686fa87dfae")] // wrong magic cookie
    public void Malformed_messages_are_refused_with_a_reason(string hex)
    {
        Assert.Null(StunMessage.TryParse(Convert.FromHexString(hex), out var fault));
        Assert.False(string.IsNullOrEmpty(fault));
    }
}

namespace Streaming.Sip.Tests;

public sealed class SipIngressOptionsTests
{
    [Theory]
    [InlineData("ListenAddress", "ListenAddress 'not-an-ip'")]
    [InlineData("AllowedPeers", "AllowedPeers entry '10.0.0.0/99'")]
    [InlineData("NoPeers", "set AllowedPeers or Users")]
    [InlineData("Roles", "ChannelRoles must be distinct")]
    [InlineData("Ports", "RtpPortMin 20000 is above RtpPortMax 10000")]
    public void Invalid_settings_are_refused_at_start_up_with_the_setting_named(string setting, string message)
    {
        var options = new SipIngressOptions { AllowedPeers = ["127.0.0.1"] };
        switch (setting)
        {
            case "ListenAddress": options.ListenAddress = "not-an-ip"; break;
            case "AllowedPeers": options.AllowedPeers = ["10.0.0.0/99"]; break;
            case "NoPeers": options.AllowedPeers = []; break;
            case "Roles": options.ChannelRoles = ["agent", "agent"]; break;
            case "Ports": (options.RtpPortMin, options.RtpPortMax) = (20000, 10000); break;
        }

        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_with_an_allow_list_are_valid() =>
        Assert.Null(Record.Exception(new SipIngressOptions { AllowedPeers = ["10.1.0.0/16", "192.0.2.7"] }.Validate));
}

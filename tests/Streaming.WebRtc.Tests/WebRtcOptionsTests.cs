namespace Streaming.WebRtc.Tests;

public sealed class WebRtcOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_name_the_loopback_address_in_candidates()
    {
        var options = new WebRtcOptions();

        options.Validate();

        Assert.Equal("127.0.0.1", options.CandidateAddress.ToString());
    }

    [Theory]
    [InlineData("BindAddress", "not-an-ip", "WebRtc:BindAddress")]
    [InlineData("BindAddress", "0.0.0.0", "WebRtc:PublicAddress")]
    [InlineData("UdpPortMin", "50000", "WebRtc:UdpPortMin..UdpPortMax")]
    [InlineData("MaxSessions", "0", "WebRtc:MaxSessions")]
    [InlineData("NoMediaTimeoutSeconds", "0", "WebRtc:NoMediaTimeoutSeconds")]
    public void A_bad_setting_is_named(string setting, string value, string named)
    {
        var options = new WebRtcOptions { UdpPortMax = 40999 };
        var property = typeof(WebRtcOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wildcard_bind_address_is_fine_with_a_public_address()
    {
        new WebRtcOptions { BindAddress = "0.0.0.0", PublicAddress = "203.0.113.7" }.Validate();
    }
}

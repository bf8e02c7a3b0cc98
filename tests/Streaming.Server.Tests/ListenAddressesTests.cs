using Microsoft.Extensions.Configuration;
using Streaming.Server.Hosting;

namespace Streaming.Server.Tests;

public sealed class ListenAddressesTests
{
    [Fact]
    public void Nothing_set_listens_on_the_default() =>
        Assert.Equal("http://0.0.0.0:7860", Choose([]));

    [Fact]
    public void Server_port_alone_keeps_the_default_interface() =>
        Assert.Equal("http://0.0.0.0:8080", Choose(new() { ["Server:Port"] = "8080" }));

    [Fact]
    public void Server_host_alone_keeps_the_default_port() =>
        Assert.Equal("http://127.0.0.1:7860", Choose(new() { ["Server:Host"] = "127.0.0.1" }));

    [Fact]
    public void Urls_win_over_the_shorthand() =>
        Assert.Null(Choose(new() { ["urls"] = "http://127.0.0.1:5000", ["Server:Port"] = "8080" }));

    [Fact]
    public void Kestrel_endpoints_win_over_the_shorthand() =>
        Assert.Null(Choose(new() { ["Kestrel:Endpoints:Https:Url"] = "https://0.0.0.0:7443", ["Server:Port"] = "8080" }));

    [Fact]
    public void Http_ports_apply_when_no_shorthand_is_set() =>
        Assert.Null(Choose(new() { ["http_ports"] = "8080" }));

    [Fact]
    public void The_shorthand_wins_over_http_ports() =>
        Assert.Equal("http://0.0.0.0:9000", Choose(new() { ["http_ports"] = "8080", ["Server:Port"] = "9000" }));

    private static string? Choose(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return ListenAddresses.Choose(configuration, configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions());
    }
}

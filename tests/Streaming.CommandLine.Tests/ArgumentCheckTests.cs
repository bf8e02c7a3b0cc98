using System.ComponentModel;
using Spectre.Console.Cli;

namespace Streaming.CommandLine.Tests;

public sealed class ArgumentCheckTests
{
    private static readonly CommandCatalog Catalog = new CommandCatalog("tool")
        .Add<EchoCommand>("echo", "Echo.")
        .AddBranch("bench", "Benchmarks.", b => b.Add<EchoCommand>("vad", "VAD."));

    [Theory]
    [InlineData("echo", "--style", "x")]
    [InlineData("echo", "--style=x", "--count", "3")]
    [InlineData("echo", "-n", "-3", "word")]
    [InlineData("echo", "--count", "-3")]
    [InlineData("bench", "vad", "--loud")]
    [InlineData("echo", "--", "--anything", "--goes")]
    [InlineData("echo", "--help")]
    [InlineData("--help")]
    [InlineData("bench", "--help")]
    public void Known_commands_and_options_pass(params string[] args) =>
        Assert.Null(ArgumentCheck.Find(Catalog, args));

    [Fact]
    public void A_transposed_option_suggests_the_intended_one() =>
        Assert.Equal("unknown option '--stlye' for 'tool echo'; did you mean '--style'? (see 'tool echo --help')", ArgumentCheck.Find(Catalog, ["echo", "--stlye", "x"]));

    [Fact]
    public void An_option_far_from_every_valid_one_lists_them() =>
        Assert.Equal(
            "unknown option '--url' for 'tool echo'; valid options: --count, --help, --loud, --style (see 'tool echo --help')",
            ArgumentCheck.Find(Catalog, ["echo", "--url", "x"]));

    [Fact]
    public void An_unknown_option_with_an_inline_value_is_named_without_it() =>
        Assert.StartsWith("unknown option '--colour'", ArgumentCheck.Find(Catalog, ["echo", "--colour=red"]));

    [Fact]
    public void An_unknown_short_option_is_an_error() =>
        Assert.StartsWith("unknown option '-x' for 'tool echo'", ArgumentCheck.Find(Catalog, ["echo", "-x"]));

    [Fact]
    public void An_unknown_sub_command_suggests_the_nearest() =>
        Assert.StartsWith("unknown command 'vda' for 'tool bench'; did you mean 'vad'?", ArgumentCheck.Find(Catalog, ["bench", "vda"]));

    [Fact]
    public void An_unknown_top_level_command_lists_the_commands_when_none_is_near() =>
        Assert.StartsWith("unknown command 'serve' for 'tool'; valid commands: bench, echo", ArgumentCheck.Find(Catalog, ["serve"]));

    [Fact]
    public void An_option_value_that_looks_like_an_option_is_not_checked() =>
        Assert.Null(ArgumentCheck.Find(Catalog, ["echo", "--style", "--loud"]));

    [Fact]
    public void Paths_list_branches_before_their_commands() =>
        Assert.Equal(["echo", "bench", "bench vad"], Catalog.Paths().Select(p => string.Join(' ', p)));

    [Theory]
    [InlineData("stlye", "style", 1)]
    [InlineData("lnag", "lang", 1)]
    [InlineData("url", "server", 5)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_a_swap_as_one_edit(string a, string b, int expected) =>
        Assert.Equal(expected, NearestName.Distance(a, b));

    private sealed class EchoCommand : Command<EchoCommand.Settings>
    {
        public sealed class Settings : CommandSettings
        {
            [CommandOption("--style <STYLE>")]
            [Description("Style")]
            public string? Style { get; init; }

            [CommandOption("-n|--count <N>")]
            [Description("Count")]
            public int Count { get; init; }

            [CommandOption("--loud")]
            [Description("Loud")]
            public bool Loud { get; init; }

            [CommandArgument(0, "[WORD]")]
            [Description("Word")]
            public string? Word { get; init; }
        }

        public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) => 0;
    }
}

namespace Streaming.Cli.Tests;

/// <summary><c>--help</c> on every command of <c>streaming</c>, and strict parsing, through the built program.</summary>
public sealed class CommandLineTests
{
    /// <summary>The program itself and every command and branch its catalog configures.</summary>
    public static TheoryData<string> Commands() =>
        new(StreamingCommands.Catalog.Paths().Select(path => string.Join(' ', path)).Prepend(""));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_prints_usage_and_exits_zero(string command)
    {
        string[] words = command.Length == 0 ? [] : command.Split(' ');
        var result = await CliProcess.RunAsync([.. words, "--help"]);

        Assert.True(result.ExitCode == 0, $"'streaming {command} --help' exited {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
        Assert.Contains("USAGE:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"streaming {command}".TrimEnd(), result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_lists_nested_commands()
    {
        var paths = StreamingCommands.Catalog.Paths().Select(path => string.Join(' ', path)).ToArray();

        Assert.Contains("transcribe", paths);
        Assert.Contains("bench", paths);
        Assert.Contains("bench asr", paths);
        Assert.Contains("eval wer", paths);
    }

    [Fact]
    public async Task Unknown_option_is_an_error_that_suggests_the_nearest()
    {
        var result = await CliProcess.RunAsync(["itn", "--lnag", "zh"], "百分之三十五\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("unknown option '--lnag' for 'streaming itn'; did you mean '--lang'?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_without_a_near_one_lists_the_valid_options()
    {
        var result = await CliProcess.RunAsync(["itn", "--lang", "zh", "--bogus-flag"], "百分之三十五\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("unknown option '--bogus-flag'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--lang", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_an_error_that_suggests_the_nearest()
    {
        var result = await CliProcess.RunAsync(["bench", "vda"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'vda' for 'streaming bench'; did you mean 'vad'?", result.Stderr, StringComparison.Ordinal);
    }
}

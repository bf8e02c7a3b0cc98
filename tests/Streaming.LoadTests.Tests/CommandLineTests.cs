namespace Streaming.LoadTests.Tests;

/// <summary><c>--help</c> on every command of <c>streaming-load</c>, and strict parsing, through the built program.</summary>
public sealed class CommandLineTests
{
    /// <summary>The program itself and every command its catalog configures.</summary>
    public static TheoryData<string> Commands() =>
        new(LoadCommands.Catalog.Paths().Select(path => string.Join(' ', path)).Prepend(""));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_prints_usage_and_exits_zero(string command)
    {
        string[] words = command.Length == 0 ? [] : command.Split(' ');
        var (exit, output) = await RunAsync([.. words, "--help"]);

        Assert.True(exit == 0, $"'streaming-load {command} --help' exited {exit}: {output}");
        Assert.Contains("USAGE:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_is_an_error_before_any_session_starts()
    {
        // --url is not an option (it is --server): it must not run against the default address.
        var (exit, output) = await RunAsync(["capacity", "--url", "http://127.0.0.1:9"]);

        Assert.Equal(2, exit);
        Assert.Contains("error: unknown option '--url' for 'streaming-load capacity'", output, StringComparison.Ordinal);
        Assert.Contains("--server", output, StringComparison.Ordinal);
        Assert.DoesNotContain("phase", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_an_error_that_suggests_the_nearest()
    {
        var (exit, output) = await RunAsync(["capacty"]);

        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'capacty' for 'streaming-load'; did you mean 'capacity'?", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string[] arguments)
    {
        await using var process = ChildProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "streaming-load.dll"), .. arguments]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (exit, process.Output);
    }
}

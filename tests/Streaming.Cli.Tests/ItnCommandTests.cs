using System.Diagnostics;
using System.Text;

namespace Streaming.Cli.Tests;

/// <summary>Runs the built CLI as a process: <c>dotnet streaming.dll itn …</c>.</summary>
public sealed class ItnCommandTests
{
    [Fact]
    public async Task Itn_writes_one_written_line_per_spoken_line()
    {
        var result = await RunAsync(["itn", "--lang", "zh"], "二零二五年三月五日\n百分之三十五\n\n幺三八零零一三八零零零\n我们一起去吧\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["2025/03/05", "35%", "", "13800138000", "我们一起去吧"], Lines(result.Stdout));
    }

    [Fact]
    public async Task Itn_english_converts_money_and_keeps_words()
    {
        var result = await RunAsync(["itn", "--lang", "en"], "twenty five dollars\none of the best\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["$25", "one of the best"], Lines(result.Stdout));
    }

    [Fact]
    public async Task Itn_flags_change_the_options()
    {
        var result = await RunAsync(["itn", "--lang", "zh", "--no-zero-to-nine", "--disable", "Percent"], "他说五\n百分之三十五\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["他说五", "百分之35"], Lines(result.Stdout));
    }

    [Fact]
    public async Task Itn_rejects_an_unknown_language_on_stderr()
    {
        var result = await RunAsync(["itn", "--lang", "fr"], "");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("'fr'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_itn_reports_both_languages()
    {
        var result = await RunAsync(["bench", "itn", "--iterations", "100"], "");

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Stdout);
        Assert.StartsWith("lang", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("zh", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("en", lines[2], StringComparison.Ordinal);
    }

    private static string[] Lines(string stdout) => stdout.TrimEnd('\n').Split('\n');

    private sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

    private static async Task<ProcessResult> RunAsync(string[] args, string stdin)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "streaming.dll");
        Assert.True(File.Exists(dll), $"CLI not found at {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}

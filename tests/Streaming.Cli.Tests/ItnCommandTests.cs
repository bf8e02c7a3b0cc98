namespace Streaming.Cli.Tests;

/// <summary>Runs the built CLI as a process: <c>dotnet streaming.dll itn …</c>.</summary>
public sealed class ItnCommandTests
{
    [Fact]
    public async Task Itn_writes_one_written_line_per_spoken_line()
    {
        var result = await CliProcess.RunAsync(["itn", "--lang", "zh"], "二零二五年三月五日\n百分之三十五\n\n幺三八零零一三八零零零\n我们一起去吧\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["2025年3月5日", "35%", "", "13800138000", "我们一起去吧"], CliProcess.Lines(result.Stdout));
    }

    [Fact]
    public async Task Itn_style_picks_the_written_conventions()
    {
        const string input = "会议定在二零二六年一月十二日上午十点半\n三百五十元\n";
        var caption = await CliProcess.RunAsync(["itn", "--lang", "zh", "--style", "caption"], input);
        var wetext = await CliProcess.RunAsync(["itn", "--lang", "zh", "--style", "wetext"], input);

        Assert.Equal(["会议定在2026年1月12日上午10:30", "350元"], CliProcess.Lines(caption.Stdout));
        Assert.Equal(["会议定在2026/01/12 10:30a.m.", "¥350"], CliProcess.Lines(wetext.Stdout));
    }

    [Fact]
    public async Task Itn_rejects_an_unknown_style_on_stderr()
    {
        var result = await CliProcess.RunAsync(["itn", "--lang", "zh", "--style", "print"], "三百五十元\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("Unknown ITN style 'print'; expected caption or wetext.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Itn_english_converts_money_and_keeps_words()
    {
        var result = await CliProcess.RunAsync(["itn", "--lang", "en"], "twenty five dollars\none of the best\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["$25", "one of the best"], CliProcess.Lines(result.Stdout));
    }

    [Fact]
    public async Task Itn_flags_change_the_options()
    {
        var result = await CliProcess.RunAsync(["itn", "--lang", "zh", "--no-zero-to-nine", "--disable", "Percent"], "他说五\n百分之三十五\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["他说五", "百分之35"], CliProcess.Lines(result.Stdout));
    }

    [Fact]
    public async Task Itn_rejects_an_unknown_language_on_stderr()
    {
        var result = await CliProcess.RunAsync(["itn", "--lang", "fr"], "");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("'fr'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_itn_reports_both_chinese_styles_and_english()
    {
        var result = await CliProcess.RunAsync(["bench", "itn", "--iterations", "100"], "");

        Assert.Equal(0, result.ExitCode);
        var lines = CliProcess.Lines(result.Stdout);
        Assert.StartsWith("lang", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("zh caption", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("zh wetext", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("en", lines[3], StringComparison.Ordinal);
    }

}

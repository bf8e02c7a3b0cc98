using System.Text.RegularExpressions;

namespace Streaming.Cli.Tests;

/// <summary><c>streaming bench pinyin</c> run as a real process on the first zh-eval clips (needs libpinyin).</summary>
public sealed class BenchPinyinCommandTests
{
    [Fact]
    public async Task Bench_pinyin_streams_the_clips_and_prices_partials_finals_and_their_share()
    {
        var result = await CliProcess.RunAsync(["bench", "pinyin", "--set", "zh-eval", "--limit", "3"]);

        Assert.Equal(0, result.ExitCode);
        var lines = CliProcess.Lines(result.Stdout);
        Assert.Matches(@"^model: transducer:zipformer-wenetspeech-zh; set zh-eval: 3 files, [\d.,]+ s of audio, 100 ms packets", lines[0]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^per partial \(n=[1-9]\d*\): mean [\d.,]+ ms"));
        Assert.Contains(lines, l => l.StartsWith("per final's conversion, timed alone (n=3): mean", StringComparison.Ordinal));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^pinyin → 汉字 .*: [\d.,]+ ms CPU per audio second, [\d.,]+ % of the session's CPU$"));
        Assert.Contains("finals whose conversion alone differs from the stream's: 0", lines);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^libpinyin tables with a whole-file page cache: [1-9]\d* \(library loaded\)$"));
        Assert.Matches("^text digest: partials [0-9a-f]{16}, finals [0-9a-f]{16}$", lines[^1]);
    }

    [Fact]
    public async Task A_packet_under_ten_milliseconds_is_a_clear_error()
    {
        var result = await CliProcess.RunAsync(["bench", "pinyin", "--packet-ms", "5"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --packet-ms must be at least 10", result.Stderr);
    }
}

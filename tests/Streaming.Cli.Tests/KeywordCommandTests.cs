using System.Text.Json;
using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary><c>transcribe --keywords</c>, <c>eval kws</c> and <c>bench kws</c> run as real processes on the bundled Mandarin model.</summary>
public sealed class KeywordCommandTests
{
    private static string TestWav(int i) => TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", $"{i}.wav");

    [Fact]
    public async Task Transcribe_prints_each_keyword_hit_with_its_times_in_json()
    {
        var result = await CliProcess.RunAsync(["transcribe", TestWav(3), "--model", "zipformer-wenetspeech-zh", "--keywords", "文森特卡索,法国,见面会", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var hits = json.RootElement.GetProperty("keywords").EnumerateArray().ToList();
        Assert.Equal(["文森特卡索", "法国"], hits.Select(h => h.GetProperty("keyword").GetString()));
        // sherpa-onnx's KeywordSpotter puts 文森特卡索 at 0.32 s and 法国 at 4.56 s.
        Assert.InRange(hits[0].GetProperty("start").GetDouble(), 0.02, 0.62);
        Assert.InRange(hits[1].GetProperty("start").GetDouble(), 4.26, 4.86);
        Assert.All(hits, h => Assert.True(h.GetProperty("end").GetDouble() > h.GetProperty("start").GetDouble()));
        Assert.All(hits, h => Assert.InRange(h.GetProperty("confidence").GetDouble(), 0.25, 1));
    }

    [Fact]
    public async Task Transcribe_reads_a_keyword_file_and_prints_hits_after_the_text()
    {
        string file = TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs", "test_keywords.txt");

        var result = await CliProcess.RunAsync(["transcribe", TestWav(4), "--model", "zipformer-wenetspeech-zh", "--keywords", file]);

        Assert.Equal(0, result.ExitCode);
        var keywordLines = CliProcess.Lines(result.Stdout).Where(l => l.StartsWith("keyword: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, keywordLines.Count);
        Assert.StartsWith("keyword: 蒋友伯 ", keywordLines[0]);
        Assert.StartsWith("keyword: 女儿 ", keywordLines[1]);
    }

    [Theory]
    [InlineData("雪人☃", "'☃'")]
    [InlineData("退款 :x", "boost 'x'")]
    [InlineData("missing/keywords.txt", "'missing/keywords.txt' does not exist")]
    public async Task Bad_keyword_lists_are_refused_with_the_problem_named(string keywords, string problem)
    {
        var result = await CliProcess.RunAsync(["transcribe", TestWav(0), "--model", "zipformer-wenetspeech-zh", "--keywords", keywords]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(problem, result.Stderr);
    }

    [Fact]
    public async Task Eval_kws_counts_hits_and_false_alarms_against_the_references()
    {
        var result = await CliProcess.RunAsync(["eval", "kws", "--limit", "12", "--keywords", "女儿,房地产,股市 #0.3"]);

        Assert.Equal(0, result.ExitCode);
        var summary = CliProcess.Lines(result.Stdout)[^1];
        Assert.StartsWith("files: 12 ", summary);
        Assert.Matches(@"hits: \d+; false alarms: \d+ \([\d.]+ per hour\); keywords said: [1-9]\d*, missed: \d+; threshold 0.25$", summary);
    }
}

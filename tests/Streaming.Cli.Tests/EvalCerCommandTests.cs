using System.Globalization;
using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary><c>eval cer</c> run as a real process on the Mandarin dev set.</summary>
public sealed class EvalCerCommandTests : IDisposable
{
    private readonly string _hypotheses = Path.Combine(Path.GetTempPath(), $"cer-hypotheses-{Guid.NewGuid():N}.tsv");

    public void Dispose() => File.Delete(_hypotheses);

    private static List<string[]> References() =>
        [.. File.ReadLines(TestPaths.SharedTestData("audio", "zh-eval", "trans.tsv")).Select(l => l.Split('\t')).Where(c => c[0].EndsWith(".wav", StringComparison.Ordinal)).Take(3)];

    private static Dictionary<string, string[]> Rows(string stdout) =>
        CliProcess.Lines(stdout).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length == 7 && c[4].EndsWith('%')).ToDictionary(c => c[0]);

    [Fact]
    public async Task Scores_hypotheses_by_character_ignoring_punctuation_and_spaces()
    {
        var refs = References();
        // Exact with punctuation and spaces added; one character substituted; one character dropped.
        var second = refs[1][1];
        File.WriteAllLines(_hypotheses,
        [
            $"{refs[0][0]}\t{string.Join(" ", refs[0][1].ToCharArray())}。",
            $"{refs[1][0]}\t{(second[0] == '零' ? '一' : '零')}{second[1..]}",
            $"{refs[2][0]}\t{refs[2][1][1..]}，",
        ]);

        var result = await CliProcess.RunAsync(["eval", "cer", "--set", "zh-eval", "--limit", "3", "--hypotheses", _hypotheses, "--show-errors"]);

        Assert.Equal(0, result.ExitCode);
        var row = Rows(result.Stdout)["zh-eval"];
        Assert.Equal("3", row[1]);
        Assert.Equal(refs.Sum(r => r[1].Length).ToString(CultureInfo.InvariantCulture), row[2]);
        Assert.Equal("2", row[3]);
        Assert.Contains($"{refs[1][0]}: 1 errors", result.Stdout);
        Assert.DoesNotContain($"{refs[0][0]}:", result.Stdout);
    }

    [Fact]
    public async Task Pinyin_token_hypotheses_are_converted_to_characters_before_scoring()
    {
        // sherpa-onnx's greedy tokens for the first dev utterance (广州市房地产中介协会分析).
        File.WriteAllText(_hypotheses, "aishell-BAC009S0724W0121.wav\tg uǎng zh ōu sh ì f ǎ d ì ch ǎn zh ōng j iè x ié h uì f ēi x íng\n");

        var result = await CliProcess.RunAsync(["eval", "cer", "--limit", "1", "--hypotheses", _hypotheses, "--pinyin", "--show-errors"]);

        Assert.Equal(0, result.ExitCode);
        var errors = int.Parse(Rows(result.Stdout)["zh-eval"][3], CultureInfo.InvariantCulture);
        Assert.InRange(errors, 1, 4);
        Assert.Contains("hyp: 广州市", result.Stdout);
    }

    [Fact]
    public async Task A_missing_hypothesis_and_an_unknown_set_are_named_in_the_error()
    {
        File.WriteAllText(_hypotheses, "nosuch.wav\t我们\n");

        var missing = await CliProcess.RunAsync(["eval", "cer", "--limit", "1", "--hypotheses", _hypotheses]);
        var unknown = await CliProcess.RunAsync(["eval", "cer", "--set", "zh-nosuchset", "--hypotheses", _hypotheses]);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no line for aishell-BAC009S0724W0121.wav", missing.Stderr);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("zh-nosuchset", unknown.Stderr);
    }

    [Fact]
    public async Task Recognises_the_dev_set_through_the_pipeline_with_the_bundled_mandarin_model_by_default()
    {
        var result = await CliProcess.RunAsync(["eval", "cer", "--limit", "2"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("zipformer-wenetspeech-zh", result.Stdout);
        var rows = Rows(result.Stdout);
        Assert.Equal(["zh-eval", "total"], rows.Keys);
        Assert.Equal("2", rows["zh-eval"][1]);
        // Chinese characters come out (not pinyin letters, not an English model's words): the whole dev set scores
        // about 19 % (sherpa-onnx's tokens through plain libpinyin: 20.5 %), so 40 % on two clips is a loose floor.
        Assert.InRange(double.Parse(rows["total"][4].TrimEnd('%'), CultureInfo.InvariantCulture), 0, 40);
    }

    [Fact]
    public async Task A_folder_with_a_trans_tsv_is_a_set_the_model_test_wavs_through_the_pipeline()
    {
        string folder = TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs");

        var result = await CliProcess.RunAsync(["eval", "cer", "--set", folder]);

        Assert.Equal(0, result.ExitCode);
        var rows = Rows(result.Stdout);
        Assert.Equal([folder, "total"], rows.Keys);
        Assert.Equal("7", rows[folder][1]);
        // Measured 22.6 % (28 of 124 characters) through the whole pipeline; the bound leaves room, no more.
        Assert.InRange(double.Parse(rows["total"][4].TrimEnd('%'), CultureInfo.InvariantCulture), 0, 30);
    }
}

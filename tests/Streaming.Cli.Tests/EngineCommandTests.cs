using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary>The recognition-engine commands (transcribe options, eval wer, bench asr) run as a real process.</summary>
public sealed class EngineCommandTests
{
    private static readonly string Jfk = TestPaths.InRepo("samples", "jfk.wav");

    [Fact]
    public async Task Beam_search_transcribes_with_the_bundled_model()
    {
        var result = await CliProcess.RunAsync(["transcribe", Jfk, "--beam", "4"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("your country", result.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_negative_beam_is_a_clear_error()
    {
        var result = await CliProcess.RunAsync(["transcribe", Jfk, "--beam", "-1"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --beam must be", result.Stderr);
    }

    [Fact]
    public async Task Out_of_range_endpoint_setting_is_named_in_the_error()
    {
        var result = await CliProcess.RunAsync(["transcribe", Jfk, "--max-utterance-ms", "100"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MaxUtteranceMs", result.Stderr);
    }

    [Fact]
    public async Task Transcribe_json_tokens_carry_times_and_confidences_in_order()
    {
        var result = await CliProcess.RunAsync(["transcribe", Jfk, "--json", "--max-utterance-ms", "4000"]);

        Assert.Equal(0, result.ExitCode);
        var segments = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("segments").EnumerateArray().ToList();
        Assert.True(segments.Count >= 3, "a 4 s maximum cuts the 10 s of speech into several segments");
        var previousEnd = 0.0;
        foreach (var segment in segments)
        {
            var start = segment.GetProperty("start").GetDouble();
            var end = segment.GetProperty("end").GetDouble();
            Assert.InRange(end - start, 0.1, 4.0);
            Assert.True(start >= previousEnd - 0.001, "segments do not overlap");
            previousEnd = end;
            foreach (var token in segment.GetProperty("tokens").EnumerateArray())
            {
                Assert.InRange(token.GetProperty("confidence").GetDouble(), 0, 1);
                Assert.True(token.GetProperty("end").GetDouble() >= token.GetProperty("start").GetDouble());
            }
        }
    }

    [Fact]
    public async Task Eval_wer_prints_a_sane_word_error_rate_per_set()
    {
        var result = await CliProcess.RunAsync(["eval", "wer", "--limit", "2", "--set", "hifitts", "--set", "kws-zh-en", "--set", "wenet"]);

        Assert.Equal(0, result.ExitCode);
        var rows = CliProcess.Lines(result.Stdout).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length == 7 && c[4].EndsWith('%')).ToDictionary(c => c[0]);
        Assert.Equal(["hifitts", "kws-zh-en", "wenet", "total"], rows.Keys);
        Assert.Equal("2", rows["hifitts"][1]);
        Assert.Equal("2", rows["kws-zh-en"][1]);
        foreach (var row in rows.Values)
        {
            var wer = double.Parse(row[4].TrimEnd('%'), CultureInfo.InvariantCulture);
            Assert.InRange(wer, 0, 12);
        }
    }

    [Fact]
    public async Task Eval_wer_rejects_an_unknown_set()
    {
        var result = await CliProcess.RunAsync(["eval", "wer", "--set", "nosuchset"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nosuchset", result.Stderr);
    }

    [Fact]
    public async Task Bench_asr_sequential_reports_memory_before_and_after()
    {
        var result = await CliProcess.RunAsync(["bench", "asr", Jfk, "--sequential", "4", "--max-seconds", "2"]);

        Assert.Equal(0, result.ExitCode);
        var lines = CliProcess.Lines(result.Stdout);
        Assert.Contains(lines, l => l.StartsWith("before: managed heap", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("after     4: managed heap", StringComparison.Ordinal));
        Assert.Matches(@"^growth: managed -?\d+ KiB, RSS -?[\d.,]+ MiB; errors: 0$", lines[^1]);
    }

    [Fact]
    public async Task Bench_asr_refuses_paced_and_unpaced_together()
    {
        var result = await CliProcess.RunAsync(["bench", "asr", Jfk, "--paced", "--unpaced"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--paced and --unpaced", result.Stderr);
    }

    [Fact]
    public async Task Bench_asr_lang_zh_decoder_only_times_the_mandarin_transducer_on_a_folder()
    {
        var folder = TestPaths.InRepo("models", "zipformer-wenetspeech-zh", "test_wavs");
        var result = await CliProcess.RunAsync(["bench", "asr", "--lang", "zh", "--decoder-only", folder]);

        Assert.Equal(0, result.ExitCode);
        var lines = CliProcess.Lines(result.Stdout);
        Assert.Matches(@"^model: transducer:zipformer-wenetspeech-zh .*decoder only, one thread; 7 files, [\d.,]+ s of audio; timed after one untimed pass over them \(\d+ methods JIT-compiled in the timed pass\)$", lines[0]);
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^RTF \(wall / audio\): [\d.,]+; RTF \(CPU time / audio\): [\d.,]+$"));

        // The pinyin → 汉字 conversion is timed on its own and the token decoding figure is what is left.
        Assert.Matches(@"^text assembly of the finals: CPU time [\d.,]+ s, RTF [\d.,]+$", lines[^2]);
        Assert.Matches(@"^token decoding: CPU time -?[\d.,]+ s, RTF \(token CPU time / audio\): -?[\d.,]+$", lines[^1]);
    }
}

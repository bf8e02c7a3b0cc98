using System.Text.Json;
using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary>The hotword options and commands, run as a real process on real files.</summary>
public sealed class HotwordCommandTests : IDisposable
{
    // Hi-Fi TTS: "putting his horse into an ambling pace"; Moonshine tiny alone hears "emberling".
    private static readonly string Ambling = TestPaths.SharedTestData("audio", "hifitts", "audio", "jaufry_02_lafon_0029.wav");

    private readonly string _folder = Directory.CreateTempSubdirectory("hotword-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Transcribe_with_hotwords_recognises_the_term_and_reports_the_hit()
    {
        var list = Write("hotwords.txt", "# riding terms", "ambling", "canter :2");

        var result = await CliProcess.RunAsync(["transcribe", Ambling, "--hotwords", list, "--json"]);

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Contains("ambling", root.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        var hits = root.GetProperty("segments").EnumerateArray().SelectMany(s => s.GetProperty("hotwordsHit").EnumerateArray()).Select(h => h.GetString());
        Assert.Equal(["ambling"], hits);
    }

    [Fact]
    public async Task Bad_hotword_file_is_a_clear_error()
    {
        var list = Write("bad.txt", "ambling", "canter :fast");

        var result = await CliProcess.RunAsync(["transcribe", Ambling, "--hotwords", list]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("session hotwords:2: boost 'fast'", result.Stderr);
    }

    [Fact]
    public async Task Eval_hotwords_prints_recall_and_error_rates_per_system()
    {
        string manifest = Write(
            "manifest.json",
            JsonSerializer.Serialize(new { audio_filepath = Ambling, text = "putting his horse into an ambling pace" }));
        var list = Write("hotwords.txt", "ambling", "Chaka");

        var result = await CliProcess.RunAsync(["eval", "hotwords", manifest, "--hotwords", list]);

        Assert.Equal(0, result.ExitCode);
        var lines = CliProcess.Lines(result.Stdout);
        Assert.Matches(@"^greedy\s+0\.0 % \(0/1\)", Assert.Single(lines, l => l.StartsWith("greedy", StringComparison.Ordinal)));
        Assert.Matches(@"^biased\s+100\.0 % \(1/1\)", Assert.Single(lines, l => l.StartsWith("biased", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("biased: Putting his horse into an ambling pace"));
    }

    [Fact]
    public async Task Bench_hotwords_times_decoding_without_and_with_phrases()
    {
        var result = await CliProcess.RunAsync(["bench", "hotwords", Ambling, "--phrases", "300", "-n", "1"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("context graph: 300 phrases", result.Stdout);
        Assert.Contains(CliProcess.Lines(result.Stdout), l => l.StartsWith("beam 4, 0 phrases", StringComparison.Ordinal));
        Assert.Contains(CliProcess.Lines(result.Stdout), l => l.StartsWith("beam 4, 300 phrases", StringComparison.Ordinal));
        Assert.Contains("re-scoring that final against 300 phrases", result.Stdout);
    }
}

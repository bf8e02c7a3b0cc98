using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary>Folder transcription and the batch benchmark, run as a real process.</summary>
public sealed class BatchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("streaming-batch-").FullName;

    [Fact]
    public async Task Transcribe_of_a_folder_writes_every_format_per_file_and_reports_a_bad_file()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        File.Copy(TestPaths.InRepo("samples", "jfk.wav"), Path.Combine(input, "jfk.wav"));
        await File.WriteAllBytesAsync(Path.Combine(input, "broken.wav"), "RIFF not really a wave file"u8.ToArray());
        var output = Path.Combine(_folder, "out");

        var result = await CliProcess.RunAsync(["transcribe", input, "--out", output]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.wav", result.Stderr);
        Assert.Contains("jfk.wav:", result.Stdout);
        Assert.Contains("country", await File.ReadAllTextAsync(Path.Combine(output, "jfk.txt")), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("WEBVTT", await File.ReadAllTextAsync(Path.Combine(output, "jfk.vtt")));
        Assert.Contains(" --> ", await File.ReadAllTextAsync(Path.Combine(output, "jfk.srt")));
        Assert.Contains("\"segments\"", await File.ReadAllTextAsync(Path.Combine(output, "jfk.json")));
        Assert.False(File.Exists(Path.Combine(output, "broken.txt")));
    }

    [Fact]
    public async Task Bench_batch_prints_throughput_memory_and_vad_skipped_share()
    {
        var result = await CliProcess.RunAsync(["bench", "batch", TestPaths.InRepo("samples", "silero-test.wav"), "--concurrency", "1"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(@"throughput: \d+\.\d hours of audio per wall hour \(RTF \d+\.\d+\)", result.Stdout);
        Assert.Matches(@"VAD skipped: \d+\.\d%", result.Stdout);
        Assert.Matches(@"peak working set \d+ MiB", result.Stdout);
        Assert.Contains("audio: 60.0 s", result.Stdout);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

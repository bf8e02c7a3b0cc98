using System.Text.Json;
using Streaming.Testing;

namespace Streaming.Cli.Tests;

/// <summary>The audio commands (info, vad, transcribe) run as a real process on real files.</summary>
public sealed class AudioCommandTests
{
    private static readonly string Jfk = TestPaths.InRepo("samples", "jfk.wav");

    [Fact]
    public async Task Info_prints_the_format()
    {
        var result = await CliProcess.RunAsync(["info", Jfk]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("16000 Hz", result.Stdout);
        Assert.Contains("11.000 s", result.Stdout);
    }

    [Fact]
    public async Task Vad_json_lists_ordered_segments_inside_the_file()
    {
        var result = await CliProcess.RunAsync(["vad", TestPaths.InRepo("samples", "silero-test.wav"), "--json"]);

        Assert.Equal(0, result.ExitCode);
        var segments = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray()
            .Select(s => (Start: s.GetProperty("start").GetDouble(), End: s.GetProperty("end").GetDouble())).ToList();
        Assert.InRange(segments.Count, 3, 40);
        Assert.All(segments, s => Assert.InRange(s.Start, 0, s.End));
        Assert.All(segments, s => Assert.InRange(s.End, s.Start, 60.0));
    }

    [Fact]
    public async Task Vad_of_8k_telephone_audio_works_at_its_native_rate()
    {
        var result = await CliProcess.RunAsync(["vad", TestPaths.SharedTestData("audio", "aepyx_8k.wav")]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(CliProcess.Lines(result.Stdout).Length >= 5);
    }

    [Fact]
    public async Task Transcribe_prints_the_words_of_the_sample()
    {
        var result = await CliProcess.RunAsync(["transcribe", Jfk]);

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ToLowerInvariant();
        Assert.Contains("what you can do for your country", text);
        Assert.Contains("fellow", text);
    }

    [Fact]
    public async Task Transcribe_refuses_an_unknown_itn_style()
    {
        var result = await CliProcess.RunAsync(["transcribe", Jfk, "--style", "print"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown ITN style 'print'; expected caption or wetext.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcribe_json_has_timed_segments_with_tokens()
    {
        var result = await CliProcess.RunAsync(["transcribe", Jfk, "--json"]);

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var segments = root.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        foreach (var segment in segments)
        {
            var start = segment.GetProperty("start").GetDouble();
            var end = segment.GetProperty("end").GetDouble();
            Assert.InRange(start, 0, end);
            Assert.All(segment.GetProperty("tokens").EnumerateArray(), t => Assert.InRange(t.GetProperty("start").GetDouble(), start - 0.001, end + 0.001));
        }
    }

    [Fact]
    public async Task Malformed_wav_gives_a_clear_error_and_exit_code_2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(path, "RIFF\x10\0\0\0WAVEfmt "u8.ToArray());
        try
        {
            foreach (var command in new[] { "info", "vad", "transcribe" })
            {
                var result = await CliProcess.RunAsync([command, path]);
                Assert.Equal(2, result.ExitCode);
                Assert.StartsWith("error:", result.Stderr);
                Assert.DoesNotContain("   at ", result.Stderr);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Missing_file_is_reported()
    {
        var result = await CliProcess.RunAsync(["vad", "/no/such/file.wav"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/file.wav", result.Stderr);
    }
}

using System.Text.Json;
using Streaming.LoadTests.Framework;
using Streaming.LoadTests.Reporting;
using Streaming.LoadTests.Sessions;
using Streaming.Testing;

namespace Streaming.LoadTests.Tests;

/// <summary>What the runner received against what the clips say: references, transcripts, CER and WER.</summary>
public sealed class TranscriptScoringTests
{
    private static readonly string ZhEval = TestPaths.SharedTestData("audio", "zh-eval");

    [Fact]
    public void A_session_transcript_is_its_finals_in_segment_order()
    {
        var clock = new AudioClock();
        clock.Start();
        var measurements = new SessionMeasurements(clock);

        measurements.Final(1, 2.0, "第二句");
        measurements.Final(0, 1.0, "第一句");
        measurements.Final(2, 3.0, "");

        Assert.Equal("第一句 第二句", measurements.ToOutcome().Transcript);
    }

    [Fact]
    public void A_folder_of_clips_loads_every_wav_with_its_reference_from_trans_tsv()
    {
        var clips = SpeechClip.LoadAll(ZhEval).ToList();

        Assert.Equal(Directory.GetFiles(ZhEval, "*.wav").Length, clips.Count);
        Assert.All(clips, c => Assert.False(string.IsNullOrEmpty(c.Reference), c.Path));
        var row = File.ReadLines(Path.Combine(ZhEval, SpeechClip.TranscriptFile)).Select(l => l.Split('\t')).First(c => c[0].EndsWith(".wav", StringComparison.Ordinal));
        Assert.Equal(row[1], clips.Single(c => Path.GetFileName(c.Path) == row[0]).Reference);
    }

    [Fact]
    public void A_clip_without_a_transcript_file_has_no_reference_and_a_cut_clip_loses_it()
    {
        Assert.Null(SpeechClip.Load(TestPaths.InRepo("samples", "jfk.wav")).Reference);
        var clip = SpeechClip.LoadAll(ZhEval).First();
        Assert.Null(clip.Take(TimeSpan.FromSeconds(0.5)).Reference);
    }

    [Fact]
    public void Mandarin_is_scored_by_characters_and_other_languages_by_words()
    {
        var zh = TranscriptScorer.Score("zh", "今天天气很好", "今天天汽很好。");
        var en = TranscriptScorer.Score("en", "ask not what your country", "Ask not what you're country!");

        Assert.Equal(new TranscriptAccuracy("CER", 1, 6, 1), zh);
        Assert.Equal(new TranscriptAccuracy("WER", 1, 5, 1), en);
    }

    [Fact]
    public void A_phase_sums_the_errors_of_its_scored_sessions_and_skips_the_rest()
    {
        var stats = new PhaseStats();
        var ok = new SessionOutcome([], [], [], null, 0, 1);

        stats.Add(ok with { Accuracy = new TranscriptAccuracy("CER", 1, 10, 1) });
        stats.Add(ok with { Accuracy = new TranscriptAccuracy("CER", 3, 10, 1) });
        stats.Add(ok);

        var accuracy = stats.ToResult(0, new KeepConstantSimulation(1, TimeSpan.FromSeconds(1))).Accuracy;
        Assert.Equal(new TranscriptAccuracy("CER", 4, 20, 2), accuracy);
        Assert.Equal(0.2, accuracy!.Rate, 6);
    }
}

/// <summary>The runner against a real server serving the bundled Mandarin transducer.</summary>
public sealed class MandarinLoadTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"load-zh-{Guid.NewGuid():N}");
    private ServerProcess server = null!;

    public async Task InitializeAsync() => server = await ServerProcess.StartAsync(ServerProcess.NewSigningKey(), new Dictionary<string, string>
    {
        ["Engine:Models:1"] = "zipformer-wenetspeech-zh",
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_Mandarin_run_reports_the_character_error_rate_of_what_it_received()
    {
        var clips = Directory.GetFiles(TestPaths.SharedTestData("audio", "zh-eval"), "aishell-*.wav").Order(StringComparer.Ordinal).Take(2).ToArray();
        var runner = Path.Combine(AppContext.BaseDirectory, "streaming-load.dll");
        await using var process = ChildProcess.Start("dotnet",
        [
            runner, "run", "--server", server.Address.ToString(), "--lang", "zh", "--sessions", "2", "--ramp", "1", "--steady", "3",
            "--audio", clips[0], "--audio", clips[1], "--token", server.Tokens.Create("load-zh"), "--out", folder,
        ]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == 0, process.Tail);
        Assert.Contains("CER", process.Tail);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportWriter.JsonFile)));
        var scored = json.RootElement.GetProperty("report").GetProperty("runs")[0].GetProperty("phases").EnumerateArray()
            .Select(p => p.GetProperty("accuracy")).Where(a => a.ValueKind == JsonValueKind.Object).ToArray();
        Assert.NotEmpty(scored);
        Assert.All(scored, a => Assert.Equal("CER", a.GetProperty("metric").GetString()));

        // These AISHELL sentences are read well (CER about 5-20 % through the pipeline): half the characters wrong means broken scoring or decoding.
        var errors = scored.Sum(a => a.GetProperty("errors").GetInt32());
        var units = scored.Sum(a => a.GetProperty("referenceUnits").GetInt32());
        Assert.InRange(errors / (double)units, 0.0, 0.5);
    }
}

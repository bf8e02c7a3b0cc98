using Streaming.Asr;
using Streaming.Asr.Hotwords;
using Streaming.Asr.Moonshine;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Testing;
using Streaming.Text.Hotwords;

namespace Streaming.Pipeline.Tests;

/// <summary>Sessions with hotwords through the real pipeline and the real Moonshine model.</summary>
public sealed class HotwordSessionTests(PipelineHarness harness) : IClassFixture<PipelineHarness>, IDisposable
{
    // Hi-Fi TTS: "putting his horse into an ambling pace"; Moonshine tiny alone hears "emberling".
    private static readonly (float[] Samples, int Rate) Ambling =
        WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "hifitts", "audio", "jaufry_02_lafon_0029.wav"));

    private readonly MoonshineModel _model = MoonshineModel.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en"));
    private readonly string _globalFile = Path.Combine(Path.GetTempPath(), $"global-hotwords-{Guid.NewGuid():N}.txt");

    public void Dispose()
    {
        _model.Dispose();
        File.Delete(_globalFile);
    }

    private SessionPipelineFactory Factory(HotwordService? hotwords = null) =>
        new(harness.Vad, new VadOptions(), _model, null, new PipelineOptions(), hotwords);

    private static async Task<List<TranscriptEvent>> FinalsAsync(SessionPipeline pipeline)
    {
        var reading = PipelineHarness.ReadAllAsync(pipeline);
        await AudioFeeder.FeedAsync(pipeline, Ambling.Samples, Ambling.Rate);
        var events = await reading;
        await pipeline.Completion;
        return [.. events.OfType<TranscriptEvent>().Where(e => e.IsFinal)];
    }

    [Fact]
    public async Task Session_hotword_is_recognised_and_reported_as_hit()
    {
        await using var plain = Factory().Create(new SessionSettings(AudioInputFormat.Default));
        await using var biased = Factory().Create(new SessionSettings(AudioInputFormat.Default, Hotwords: ["ambling", "Chaka :2"]));

        var without = await FinalsAsync(plain);
        var with = await FinalsAsync(biased);

        Assert.DoesNotContain("ambling", string.Join(" ", without.Select(f => f.Text)), StringComparison.OrdinalIgnoreCase);
        Assert.All(without, f => Assert.Empty(f.HotwordsHit));
        Assert.Contains("ambling", string.Join(" ", with.Select(f => f.Text)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["ambling"], with.SelectMany(f => f.HotwordsHit).Distinct());
    }

    [Fact]
    public async Task Global_list_file_applies_to_sessions_and_is_reloaded_when_it_changes()
    {
        File.WriteAllLines(_globalFile, ["Chaka"]);
        var log = new List<string>();
        var service = new HotwordService(new HotwordFileSource(_globalFile, log.Add), new HotwordRescorer());
        await using (var before = Factory(service).Create(new SessionSettings(AudioInputFormat.Default)))
        {
            Assert.All(await FinalsAsync(before), f => Assert.Empty(f.HotwordsHit));
        }

        File.WriteAllLines(_globalFile, ["Chaka", "ambling"]);
        File.SetLastWriteTimeUtc(_globalFile, DateTime.UtcNow.AddSeconds(5));
        await using var after = Factory(service).Create(new SessionSettings(AudioInputFormat.Default));

        Assert.Contains("ambling", (await FinalsAsync(after)).SelectMany(f => f.HotwordsHit));
        Assert.Contains(log, l => l.Contains("reloaded 2 phrases"));
    }

    [Fact]
    public void Malformed_session_hotword_is_refused_at_session_start()
    {
        var error = Assert.Throws<HotwordException>(() => Factory().Create(new SessionSettings(AudioInputFormat.Default, Hotwords: ["ok", "bad :-3"])));

        Assert.Contains("session hotwords:2", error.Message);
    }

    [Fact]
    public void Too_many_session_hotwords_are_refused()
    {
        string[] many = [.. Enumerable.Range(0, HotwordService.MaxSessionPhrases + 1).Select(i => $"phrase {i}")];

        var error = Assert.Throws<HotwordException>(() => Factory().Create(new SessionSettings(AudioInputFormat.Default, Hotwords: many)));

        Assert.Contains("at most", error.Message);
    }
}

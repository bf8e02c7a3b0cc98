using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.Pipeline.Tests;

/// <summary>The pipeline with the real Moonshine recogniser behind the VAD.</summary>
public sealed class RecognitionPipelineTests(PipelineHarness harness) : IClassFixture<PipelineHarness>
{
    private static readonly (float[] Samples, int Rate) Jfk = WavReader.ReadAllMono(TestPaths.InRepo("samples", "jfk.wav"));

    private SessionPipeline Create(PipelineOptions? options = null, EndpointSettings? endpoint = null) =>
        harness.Factory(options, harness.Moonshine).Create(new SessionSettings(AudioInputFormat.Default, Itn: false, Endpoint: endpoint));

    // Lowercase words without punctuation: segment boundaries decide where Moonshine puts full stops.
    private static string Words(IEnumerable<TranscriptEvent> finals) => string.Join(' ', string
        .Concat(string.Join(" ", finals.Select(f => f.Text)).ToLowerInvariant().Select(c => char.IsLetter(c) ? c : ' '))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Stream_ending_mid_utterance_flushes_its_last_words_as_a_final()
    {
        // "And so my fellow Americans, ask not what your country can do for you" ends near 7.5 s; cut inside it.
        var cut = (int)(7.0 * Jfk.Rate);
        await using var pipeline = Create();
        var events = await PipelineHarness.RunAsync(pipeline, Jfk.Samples[..cut], Jfk.Rate);

        var finals = events.OfType<TranscriptEvent>().Where(e => e.IsFinal).ToList();
        Assert.NotEmpty(finals);
        var words = Words(finals);
        Assert.Contains("fellow americans", words);
        Assert.Contains("what your country", words);
        Assert.DoesNotContain("for your country", words);
        Assert.IsType<SpeechEndedEvent>(events[^1]);
    }

    [Fact]
    public async Task Partials_and_the_final_of_a_segment_share_its_id()
    {
        await using var pipeline = Create(new PipelineOptions { PartialIntervalMs = 320 });
        var events = await PipelineHarness.RunAsync(pipeline, Jfk.Samples, Jfk.Rate);

        var transcripts = events.OfType<TranscriptEvent>().ToList();
        Assert.Contains(transcripts, t => !t.IsFinal);
        foreach (var segment in transcripts.GroupBy(t => t.SegmentIndex))
        {
            var kinds = segment.Select(t => t.IsFinal).ToList();
            Assert.Equal(1, kinds.Count(final => final));
            Assert.True(kinds[^1], "the final comes after every partial of its segment");
        }

        // Each segment's events sit between its start and end events.
        int open = -1;
        foreach (var e in events)
        {
            switch (e)
            {
                case SpeechStartedEvent s:
                    Assert.Equal(-1, open);
                    open = s.SegmentIndex;
                    break;
                case TranscriptEvent t:
                    Assert.Equal(open, t.SegmentIndex);
                    break;
                case SpeechEndedEvent end:
                    Assert.Equal(open, end.SegmentIndex);
                    open = -1;
                    break;
            }
        }

        Assert.Contains("what you can do for your country", Words(transcripts.Where(t => t.IsFinal)));
    }

    [Fact]
    public async Task Partials_keep_their_committed_tokens_and_only_the_tail_changes()
    {
        // Paced at twice real time: fed all at once, the stage is behind from the start and holds partials back
        // (CI saw one to three partials per segment, too few for two decodes to agree on anything).
        await using var pipeline = Create(new PipelineOptions { PartialIntervalMs = 320, PartialLoadPercent = 100 });
        var reading = PipelineHarness.ReadAllAsync(pipeline);
        foreach (var packet in PipelineHarness.Pcm16Packets(Jfk.Samples, Jfk.Rate, packetMs: 100))
        {
            await pipeline.WriteAudioAsync(packet);
            await Task.Delay(50);
        }

        pipeline.Complete();
        var events = await reading;
        await pipeline.Completion;

        var partials = events.OfType<TranscriptEvent>().Where(t => !t.IsFinal).ToList();
        Assert.True(partials.Count >= 3, $"expected several partials, got {partials.Count}");
        Assert.Contains(partials, p => p.StableTokenCount > 0);
        foreach (var segment in partials.GroupBy(t => t.SegmentIndex))
        {
            var list = segment.ToList();
            for (var i = 0; i + 1 < list.Count; i++)
            {
                var committed = list[i].Tokens.Take(list[i].StableTokenCount).Select(t => t.Text);
                Assert.True(list[i + 1].StableTokenCount >= list[i].StableTokenCount);
                Assert.Equal(committed, list[i + 1].Tokens.Take(list[i].StableTokenCount).Select(t => t.Text));
            }
        }

        Assert.All(events.OfType<TranscriptEvent>().Where(t => t.IsFinal), f => Assert.Equal(f.Tokens.Count, f.StableTokenCount));
    }

    [Fact]
    public async Task Telephone_rate_8k_input_is_transcribed()
    {
        var narrowband = Resampler.Resample(Jfk.Samples, Jfk.Rate, 8000);
        await using var pipeline = harness.Factory(recognizer: harness.Moonshine)
            .Create(new SessionSettings(new AudioInputFormat(AudioCodec.Pcm16, 8000), Itn: false));
        var events = await PipelineHarness.RunAsync(pipeline, narrowband, 8000);

        var words = Words(events.OfType<TranscriptEvent>().Where(t => t.IsFinal));
        Assert.Contains("fellow americans", words);
        Assert.Contains("what your country can do for you", words);
        Assert.Contains("what you can do for your country", words);
    }

    [Fact]
    public async Task Speech_longer_than_the_maximum_utterance_is_cut_into_finals_near_the_limit()
    {
        // Without pauses long enough for the VAD, jfk.wav is one 10 s segment; allow at most 4 s per utterance.
        var endpoint = new EndpointSettings(MaxTrailingSilenceMs: 2_000, MaxUtteranceMs: 4_000);
        await using var pipeline = Create(endpoint: endpoint);
        var events = await PipelineHarness.RunAsync(pipeline, Jfk.Samples, Jfk.Rate);

        var ended = events.OfType<SpeechEndedEvent>().ToList();
        var finals = events.OfType<TranscriptEvent>().Where(t => t.IsFinal).ToList();
        Assert.True(ended.Count >= 3, $"expected at least 3 utterances, got {ended.Count}");
        Assert.Equal(ended.Select(e => e.SegmentIndex), finals.Select(f => f.SegmentIndex));
        Assert.All(ended, e => Assert.True(e.End - e.Start <= 4.0 + 1e-9, $"utterance {e.Start:F2}-{e.End:F2} s is too long"));

        // Forced cuts land within the search window (1 s) before the limit, and the next utterance starts there.
        for (var i = 0; i + 1 < ended.Count; i++)
        {
            if (ended[i + 1].Start == ended[i].End)
            {
                Assert.InRange(ended[i].End - ended[i].Start, 3.0, 4.0);
            }
        }

        var words = Words(finals);
        Assert.Contains("fellow americans", words);
        Assert.Contains("your country", words);
    }

    [Fact]
    public async Task Long_continuous_reading_is_cut_only_by_the_endpoint_near_each_limit()
    {
        // Two LibriSpeech utterances back to back: 23 s with no pause the 3 s trailing silence accepts, longer
        // than the VAD's own 20 s hard cut, which must not split it again.
        float[] reading = [.. new[] { "kws-zh-en/en_0.wav", "kws-zh-en/en_1.wav" }
            .SelectMany(f => WavReader.ReadAllMono(TestPaths.SharedTestData("audio", f)).Samples)];
        var options = new PipelineOptions { PartialIntervalMs = 10_000 };
        await using var pipeline = Create(options, new EndpointSettings(MaxTrailingSilenceMs: 3_000, MaxUtteranceMs: 6_000));
        var events = await PipelineHarness.RunAsync(pipeline, reading, 16000);

        var ended = events.OfType<SpeechEndedEvent>().ToList();
        Assert.True(ended.Count >= 4, $"expected at least 4 utterances, got {ended.Count}");
        Assert.All(ended.SkipLast(1), e => Assert.InRange(e.End - e.Start, 5.0, 6.0));
        Assert.Contains("squalid quarter of the brothels", Words(events.OfType<TranscriptEvent>().Where(t => t.IsFinal)));
    }

    [Fact]
    public void Invalid_session_endpoint_is_refused_with_the_setting_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => Create(endpoint: new EndpointSettings(MaxUtteranceMs: 100)));
        Assert.Contains("MaxUtteranceMs", ex.Message);
    }
}

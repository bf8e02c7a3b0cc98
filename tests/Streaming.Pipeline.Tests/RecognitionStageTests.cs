using System.Threading.Channels;
using Streaming.Asr;
using Streaming.Asr.Endpointing;
using Streaming.Audio;
using Streaming.Pipeline.Stages;

namespace Streaming.Pipeline.Tests;

/// <summary>The endpoint rules as the recognition stage applies them to a decoder with real token times.</summary>
public sealed class RecognitionStageTests
{
    private static async Task<List<PipelineEvent>> RunAsync(
        IRecognizerModel model, EndpointOptions endpoint, double seconds, int queue = 4, int partialMs = 100, bool queuedFirst = false)
    {
        using var stage = new RecognitionStage(model, null, null, new PipelineOptions { PartialIntervalMs = partialMs }, endpoint);

        // A small input queue keeps the stage from counting as behind, which would hold partials back; queuedFirst
        // writes everything before the stage starts, so it begins behind however the threads are scheduled.
        var input = Channel.CreateBounded<SpeechItem>(queue);
        var output = Channel.CreateUnbounded<PipelineEvent>();
        Task? running = queuedFirst ? null : stage.RunAsync(input.Reader, output.Writer, CancellationToken.None);
        await input.Writer.WriteAsync(new SpeechStart(0));
        var total = (long)(seconds * 16000);
        for (long at = 0; at < total; at += 512)
        {
            await input.Writer.WriteAsync(new SpeechAudio(new AudioFrame(new float[Math.Min(512, total - at)], at)));
        }

        await input.Writer.WriteAsync(new SpeechEnd(total));
        input.Writer.Complete();
        await (running ?? stage.RunAsync(input.Reader, output.Writer, CancellationToken.None));
        return [.. output.Reader.ReadAllAsync().ToBlockingEnumerable()];
    }

    [Fact]
    public async Task Trailing_blank_after_a_decoded_word_ends_the_utterance()
    {
        var endpoint = new EndpointOptions { MaxTrailingSilenceMs = 800 };
        var events = await RunAsync(new ScriptedRecognizer(wordEnd: 0.5), endpoint, seconds: 3.0);

        var ended = events.OfType<SpeechEndedEvent>().ToList();
        Assert.True(ended.Count >= 2, "the segment is split before the VAD closes it");

        // The word ends at 0.5 s; 0.8 s of blank after it ends the utterance within one partial interval.
        Assert.InRange(ended[0].End, 1.3, 1.45);
        Assert.Equal(ended[0].End, events.OfType<SpeechStartedEvent>().ElementAt(1).Start);
        var firstFinal = events.OfType<TranscriptEvent>().First(t => t.IsFinal);
        Assert.Equal(0, firstFinal.SegmentIndex);
        Assert.Equal("word", firstFinal.Text);
    }

    [Fact]
    public async Task Long_stretch_with_nothing_decoded_ends_after_the_no_speech_timeout()
    {
        var endpoint = new EndpointOptions { NoSpeechTimeoutMs = 2_400 };
        var events = await RunAsync(new ScriptedRecognizer(wordEnd: null), endpoint, seconds: 5.0);

        var ended = events.OfType<SpeechEndedEvent>().ToList();
        Assert.Equal(3, ended.Count);
        Assert.InRange(ended[0].End, 2.4, 2.55);
        Assert.All(events.OfType<TranscriptEvent>(), t => Assert.Equal("", t.Text));
    }

    [Fact]
    public async Task Without_an_endpoint_the_segment_stays_one_utterance()
    {
        var events = await RunAsync(new ScriptedRecognizer(wordEnd: 0.5), new EndpointOptions { MaxTrailingSilenceMs = 500 }, seconds: 0.9);

        Assert.Single(events.OfType<SpeechStartedEvent>());
        var final = Assert.Single(events.OfType<TranscriptEvent>(), t => t.IsFinal);
        Assert.Equal("word", final.Text);
        Assert.Equal(0.9, Assert.Single(events.OfType<SpeechEndedEvent>()).End, 6);
    }

    [Fact]
    public async Task Stage_that_is_behind_defers_partials_and_endpoints_until_it_catches_up()
    {
        // All 3 s are queued before the stage reads anything: it is behind until the last half second or so.
        var endpoint = new EndpointOptions { MaxTrailingSilenceMs = 800 };
        var events = await RunAsync(new ScriptedRecognizer(wordEnd: 0.5), endpoint, seconds: 3.0, queue: 200, queuedFirst: true);

        var first = events.OfType<SpeechEndedEvent>().First();
        Assert.True(first.End > 2.0, $"the endpoint at 1.3 s should have waited for the backlog, but came at {first.End:F2} s");
    }

    [Fact]
    public async Task Incremental_decoder_gets_a_partial_after_every_chunk_that_changed_its_text()
    {
        // The cadence alone (2 s) would allow one partial in 2.5 s; the decoder's chunks (320 ms) set the pace instead.
        var events = await RunAsync(new ChunkedRecognizer(), new EndpointOptions(), seconds: 2.5, partialMs: 2_000);

        var partials = events.OfType<TranscriptEvent>().Where(t => !t.IsFinal).Select(t => t.Text).ToList();
        Assert.Equal([.. Enumerable.Range(1, 5).Select(n => string.Concat(Enumerable.Repeat("字", n)))], partials);
    }

    /// <summary>A decoder that decodes as audio arrives: one more character per 320 ms chunk up to five.</summary>
    private sealed class ChunkedRecognizer : IRecognizerModel
    {
        private const int ChunkSamples = 5_120;

        public string Name => "chunked";

        public IRecognitionStream CreateStream() => new Stream();

        public void Dispose()
        {
        }

        private sealed class Stream : IRecognitionStream
        {
            private long _samples;

            public long? HypothesisVersion => _samples / ChunkSamples;

            // Seven chunks complete in 2.5 s; the sixth and seventh decode nothing new, so they send no partial.
            private int Characters => (int)Math.Min(_samples / ChunkSamples, 5);

            public void AcceptAudio(ReadOnlySpan<float> samples16k) => _samples += samples16k.Length;

            public RecognitionResult GetPartial() => new(string.Concat(Enumerable.Repeat("字", Characters)), []);

            public RecognitionResult Finish()
            {
                _samples = 0;
                return RecognitionResult.Empty;
            }

            public void Dispose()
            {
            }
        }
    }
}

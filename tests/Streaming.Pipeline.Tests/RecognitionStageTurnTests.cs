using System.Threading.Channels;
using Streaming.Asr;
using Streaming.Audio;
using Streaming.Pipeline.Stages;

namespace Streaming.Pipeline.Tests;

/// <summary>The recognition stage's partials taking turns on a shared <see cref="PartialScheduler"/>.</summary>
public sealed class RecognitionStageTurnTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Partial_waits_for_its_turn_then_covers_the_newest_audio_and_the_final_does_not_wait()
    {
        var scheduler = new PartialScheduler(1);
        using var other = scheduler.Join();
        Assert.True(other.TryStart()); // another session's partial holds the only slot

        using var stage = new RecognitionStage(new SampleCounter(), null, null, new PipelineOptions { PartialIntervalMs = 100 }, new(), partials: scheduler);
        var input = Channel.CreateBounded<SpeechItem>(4);
        var output = Channel.CreateUnbounded<PipelineEvent>();
        var running = stage.RunAsync(input.Reader, output.Writer, CancellationToken.None);
        await input.Writer.WriteAsync(new SpeechStart(0));
        long fed = await FeedAsync(input.Writer, 0, seconds: 1.0);
        await WaitUntilAsync(() => input.Reader.Count == 0 && scheduler.Waiting == 1);

        // A second of audio, partials due since the first 100 ms, but no turn: nothing decoded yet.
        await Task.Delay(200);
        Assert.DoesNotContain(Drain(output.Reader), e => e is TranscriptEvent);

        other.Release();
        var partial = await NextTranscriptAsync(output.Reader);
        Assert.False(partial.IsFinal);
        Assert.Equal(fed.ToString(), partial.Text);

        // The slot is taken again; the end of speech still gets its final at once.
        await WaitUntilAsync(() => scheduler.Running == 0);
        Assert.True(other.TryStart());
        fed = await FeedAsync(input.Writer, fed, seconds: 0.5);
        await input.Writer.WriteAsync(new SpeechEnd(fed));
        var final = await NextTranscriptAsync(output.Reader);
        Assert.True(final.IsFinal);
        Assert.Equal(fed.ToString(), final.Text);
        Assert.Equal(0, scheduler.Waiting); // the pending partial left the queue at the end of speech

        input.Writer.Complete();
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task Session_whose_input_ends_while_it_waits_gives_up_its_place()
    {
        var scheduler = new PartialScheduler(1);
        using var other = scheduler.Join();
        Assert.True(other.TryStart());

        using var stage = new RecognitionStage(new SampleCounter(), null, null, new PipelineOptions { PartialIntervalMs = 100 }, new(), partials: scheduler);
        var input = Channel.CreateBounded<SpeechItem>(4);
        var running = stage.RunAsync(input.Reader, Channel.CreateUnbounded<PipelineEvent>().Writer, CancellationToken.None);
        await input.Writer.WriteAsync(new SpeechStart(0));
        await FeedAsync(input.Writer, 0, seconds: 0.5);
        await WaitUntilAsync(() => scheduler.Waiting == 1);

        input.Writer.Complete();
        await running.WaitAsync(Patience);

        // Before the stage is disposed: the queue is empty, and the freed slot is not held for a session that has ended.
        Assert.Equal(0, scheduler.Waiting);
        other.Release();
        Assert.Equal(0, scheduler.Running);
    }

    private static async Task<long> FeedAsync(ChannelWriter<SpeechItem> writer, long at, double seconds)
    {
        long end = at + (long)(seconds * 16000);
        for (; at < end; at += 512)
        {
            await writer.WriteAsync(new SpeechAudio(new AudioFrame(new float[512], at)));
        }

        return at;
    }

    private static async Task<TranscriptEvent> NextTranscriptAsync(ChannelReader<PipelineEvent> reader)
    {
        while (true)
        {
            if (await reader.ReadAsync().AsTask().WaitAsync(Patience) is TranscriptEvent transcript)
            {
                return transcript;
            }
        }
    }

    private static List<PipelineEvent> Drain(ChannelReader<PipelineEvent> reader)
    {
        var events = new List<PipelineEvent>();
        while (reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }

    /// <summary>A re-decoding recogniser whose text is the number of samples it has heard in the segment.</summary>
    private sealed class SampleCounter : IRecognizerModel
    {
        public string Name => "counter";

        public IRecognitionStream CreateStream() => new Stream();

        public void Dispose()
        {
        }

        private sealed class Stream : IRecognitionStream
        {
            private long _samples;

            public void AcceptAudio(ReadOnlySpan<float> samples16k) => _samples += samples16k.Length;

            public RecognitionResult GetPartial() => new(_samples.ToString(), []);

            public RecognitionResult Finish()
            {
                var result = GetPartial();
                _samples = 0;
                return result;
            }

            public void Dispose()
            {
            }
        }
    }
}

using Streaming.Asr.Vad;

namespace Streaming.Asr.Tests.Vad;

public class VadSegmenterTests
{
    // 16 kHz, 512-sample windows (32 ms), as Silero runs.
    private const int Rate = 16000;
    private const int Window = 512;

    private static readonly VadOptions Options = new()
    {
        Threshold = 0.5f,
        MinSpeechMs = 250,
        MinSilenceMs = 300,
        SpeechPadMs = 100,
        MaxSpeechMs = 20_000,
    };

    private static List<VadEvent> Run(VadOptions options, IEnumerable<float> probabilities, bool flush = true)
    {
        var segmenter = new VadSegmenter(options, Rate);
        var events = new List<VadEvent>();
        Span<VadEvent> buffer = stackalloc VadEvent[2];
        long position = 0;
        foreach (var p in probabilities)
        {
            var n = segmenter.Push(p, position, position + Window, buffer);
            for (var i = 0; i < n; i++)
            {
                events.Add(buffer[i]);
            }

            position += Window;
        }

        if (flush && segmenter.Flush(position) is { } end)
        {
            events.Add(new VadEvent(VadEventKind.SpeechEnd, end));
        }

        return events;
    }

    private static IEnumerable<float> Repeat(float p, int windows) => Enumerable.Repeat(p, windows);

    [Fact]
    public void Silence_gives_no_events()
    {
        Assert.Empty(Run(Options, Repeat(0.01f, 500)));
    }

    [Fact]
    public void Speech_shorter_than_minimum_is_dropped()
    {
        // 5 windows = 160 ms < 250 ms.
        var events = Run(Options, Repeat(0f, 10).Concat(Repeat(0.9f, 5)).Concat(Repeat(0f, 30)));
        Assert.Empty(events);
    }

    [Fact]
    public void Speech_segment_is_padded_on_both_sides()
    {
        // Speech from window 20 to 50 (exclusive), then silence.
        var events = Run(Options, Repeat(0f, 20).Concat(Repeat(0.9f, 30)).Concat(Repeat(0f, 40)));
        Assert.Equal(2, events.Count);
        Assert.Equal(new VadEvent(VadEventKind.SpeechStart, (20 * Window) - 1600), events[0]);
        Assert.Equal(new VadEvent(VadEventKind.SpeechEnd, (50 * Window) + 1600), events[1]);
    }

    [Fact]
    public void Short_pause_does_not_split_a_segment()
    {
        // 6 windows = 192 ms of silence < 300 ms minimum silence.
        var events = Run(Options, Repeat(0.9f, 20).Concat(Repeat(0f, 6)).Concat(Repeat(0.9f, 20)).Concat(Repeat(0f, 40)));
        Assert.Equal([VadEventKind.SpeechStart, VadEventKind.SpeechEnd], events.Select(e => e.Kind));
    }

    [Fact]
    public void Long_pause_splits_segments()
    {
        var events = Run(Options, Repeat(0.9f, 20).Concat(Repeat(0f, 15)).Concat(Repeat(0.9f, 20)).Concat(Repeat(0f, 40)));
        Assert.Equal(4, events.Count);
        Assert.True(events[1].Sample <= events[2].Sample, "segments must not overlap");
    }

    [Fact]
    public void Probabilities_between_thresholds_keep_the_current_state()
    {
        // 0.4 is between the negative threshold (0.35) and the threshold (0.5): hysteresis.
        var inSpeech = Run(Options, Repeat(0.9f, 20).Concat(Repeat(0.4f, 30)).Concat(Repeat(0f, 40)));
        Assert.Equal((50 * Window) + 1600, inSpeech[1].Sample);

        var inSilence = Run(Options, Repeat(0.4f, 50));
        Assert.Empty(inSilence);
    }

    [Fact]
    public void Segment_is_cut_at_maximum_length_and_continues()
    {
        var options = new VadOptions { MaxSpeechMs = 2000, MinSpeechMs = 250, MinSilenceMs = 300, SpeechPadMs = 0 };
        var events = Run(options, Repeat(0.9f, 200));
        var starts = events.Where(e => e.Kind == VadEventKind.SpeechStart).ToList();
        var ends = events.Where(e => e.Kind == VadEventKind.SpeechEnd).ToList();
        Assert.True(starts.Count >= 3, $"expected cuts every 2 s of 6.4 s speech, got {starts.Count} segments");
        Assert.Equal(starts.Count, ends.Count);
        for (var i = 0; i < ends.Count - 1; i++)
        {
            Assert.True(ends[i].Sample - starts[i].Sample <= 2000 * 16 + Window);
            Assert.Equal(ends[i].Sample, starts[i + 1].Sample);
        }
    }

    [Fact]
    public void Open_segment_is_closed_at_end_of_stream()
    {
        var events = Run(Options, Repeat(0f, 10).Concat(Repeat(0.9f, 30)));
        Assert.Equal(VadEventKind.SpeechEnd, events[^1].Kind);
        Assert.Equal(40 * Window, events[^1].Sample);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_setting_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new VadSegmenter(new VadOptions { Threshold = 0.3f, NegativeThreshold = 0.4f }, Rate));
        Assert.Contains("NegativeThreshold", ex.Message);
        Assert.Throws<ArgumentException>(() => new VadSegmenter(new VadOptions { MinSilenceMs = -5 }, Rate));
    }
}

using Streaming.LoadTests.Sessions;
using Streaming.Testing;

namespace Streaming.LoadTests.Tests;

public class SessionMeasurementsTests
{
    [Fact]
    public void Latency_is_measured_from_when_the_audio_was_spoken()
    {
        var clock = new AudioClock();
        clock.Start();
        var measurements = new SessionMeasurements(clock);

        // Results about audio from the future of the clock (10 s) arrive "before" it was spoken: negative latency.
        measurements.Partial(0, start: 10, end: 10.5);
        measurements.Final(0, end: 11, "");
        var outcome = measurements.ToOutcome();

        Assert.InRange(Assert.Single(outcome.FirstPartialMs), -10_100, -9_900);
        Assert.InRange(Assert.Single(outcome.PartialMs), -10_600, -10_400);
        Assert.InRange(Assert.Single(outcome.FinalMs), -11_100, -10_900);
    }

    [Fact]
    public void Only_the_first_partial_of_a_segment_counts_as_first_partial()
    {
        var clock = new AudioClock();
        clock.Start();
        var measurements = new SessionMeasurements(clock);

        measurements.SpeechStarted(1);
        measurements.Partial(1, 0, 0.3);
        measurements.Partial(1, 0, 0.6);
        measurements.Final(1, 0.9, "");
        measurements.SpeechEnded(1);
        var outcome = measurements.ToOutcome();

        Assert.Single(outcome.FirstPartialMs);
        Assert.Equal(2, outcome.PartialMs.Count);
        Assert.Equal(5, outcome.MessagesReceived);
        Assert.Equal(0, outcome.DroppedMessages);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Partial_interval_is_the_audio_between_consecutive_partials_of_a_segment()
    {
        var clock = new AudioClock();
        clock.Start();
        var measurements = new SessionMeasurements(clock);

        measurements.Partial(0, 0, 0.5);
        measurements.Partial(0, 0, 1.0);
        measurements.Partial(0, 0, 2.2);
        measurements.Final(0, 2.5, "");

        // A new segment's first partial has no interval: the silence between segments is not a wait for captions.
        measurements.Partial(1, 4.0, 4.5);
        measurements.Partial(1, 4.0, 5.3);
        measurements.Final(1, 5.5, "");
        var outcome = measurements.ToOutcome();

        Assert.Equal([500.0, 1200.0, 800.0], outcome.PartialIntervalMs.Select(ms => Math.Round(ms)));
    }

    [Fact]
    public void A_segment_without_a_final_is_a_dropped_message_and_the_server_error_wins()
    {
        var clock = new AudioClock();
        clock.Start();
        var measurements = new SessionMeasurements(clock);

        measurements.SpeechStarted(0);
        measurements.Partial(0, 0, 0.5);
        measurements.Error("overloaded", "the server cannot keep up");
        var outcome = measurements.ToOutcome("HubException: invocation failed");

        Assert.Equal(1, outcome.DroppedMessages);
        Assert.Equal("overloaded: the server cannot keep up", outcome.Error);
    }

    [Fact]
    public void A_clip_is_cut_into_packets_of_the_requested_length()
    {
        var clip = SpeechClip.Load(TestPaths.InRepo("samples", "jfk.wav"));

        var packets = clip.Packets(20);

        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(640, packets[0].Length);
        Assert.Equal(clip.Pcm16.Length, packets.Sum(p => p.Length));
        Assert.Equal((int)Math.Ceiling(clip.Seconds / 0.02), packets.Count);
    }

    [Fact]
    public void A_missing_audio_file_is_named_in_the_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SpeechClip.Load("/nonexistent/talk.wav"));

        Assert.Contains("/nonexistent/talk.wav", error.Message);
    }
}

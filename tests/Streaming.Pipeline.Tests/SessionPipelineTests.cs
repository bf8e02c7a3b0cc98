using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.Pipeline.Tests;

public sealed class SessionPipelineTests(PipelineHarness harness) : IClassFixture<PipelineHarness>
{
    private static readonly (float[] Samples, int Rate) Speech = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "silero-test.wav"));

    [Fact]
    public async Task Speech_boundaries_match_offline_vad()
    {
        var offline = new SpeechSegmentCollector(16000);
        using (var detector = new VoiceActivityDetector(harness.Vad, new VadOptions(), 16000))
        {
            detector.Accept(Speech.Samples, offline);
            detector.Flush(offline);
        }

        await using var pipeline = harness.Factory().Create(new SessionSettings(AudioInputFormat.Default));
        var reading = PipelineHarness.ReadAllAsync(pipeline);
        foreach (var packet in PipelineHarness.Pcm16Packets(Speech.Samples, 16000))
        {
            await pipeline.WriteAudioAsync(packet);
        }

        pipeline.Complete();
        var events = await reading;
        await pipeline.Completion;

        var started = events.OfType<SpeechStartedEvent>().ToList();
        var ended = events.OfType<SpeechEndedEvent>().ToList();
        Assert.Equal(offline.Segments.Count, started.Count);
        Assert.Equal(offline.Segments.Count, ended.Count);
        for (var i = 0; i < ended.Count; i++)
        {
            Assert.Equal(i, ended[i].SegmentIndex);
            Assert.Equal(offline.Segments[i].Start, ended[i].Start, 3);
            Assert.Equal(offline.Segments[i].End, ended[i].End, 3);
        }
    }

    [Fact]
    public async Task Odd_sized_pcm_packets_lose_no_samples()
    {
        await using var pipeline = harness.Factory().Create(new SessionSettings(AudioInputFormat.Default));
        var reading = PipelineHarness.ReadAllAsync(pipeline);
        var bytes = PipelineHarness.Pcm16Packets(Speech.Samples, 16000, packetMs: 1000).SelectMany(p => p).ToArray();
        for (var i = 0; i < bytes.Length; i += 333)
        {
            await pipeline.WriteAudioAsync(bytes.AsMemory(i, Math.Min(333, bytes.Length - i)));
        }

        pipeline.Complete();
        var events = await reading;
        var reference = harness.Factory().Create(new SessionSettings(AudioInputFormat.Default));
        await using (reference)
        {
            var referenceReading = PipelineHarness.ReadAllAsync(reference);
            foreach (var packet in PipelineHarness.Pcm16Packets(Speech.Samples, 16000))
            {
                await reference.WriteAudioAsync(packet);
            }

            reference.Complete();
            Assert.Equal(await referenceReading, events);
        }
    }

    [Fact]
    public async Task Telephone_mulaw_at_8k_is_decoded_resampled_and_segmented()
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "aepyx_8k.wav"));
        var encoded = new byte[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            encoded[i] = G711.LinearToMuLaw((short)Math.Clamp(samples[i] * 32768f, short.MinValue, short.MaxValue));
        }

        await using var pipeline = harness.Factory().Create(new SessionSettings(new AudioInputFormat(AudioCodec.MuLaw, rate)));
        var reading = PipelineHarness.ReadAllAsync(pipeline);
        for (var i = 0; i < encoded.Length; i += 160)
        {
            await pipeline.WriteAudioAsync(encoded.AsMemory(i, Math.Min(160, encoded.Length - i)));
        }

        pipeline.Complete();
        var ended = (await reading).OfType<SpeechEndedEvent>().ToList();
        Assert.True(ended.Count >= 5, $"expected the call's speech turns, got {ended.Count}");
        Assert.All(ended, e => Assert.InRange(e.End, 0, (samples.Length / (double)rate) + 0.01));
    }

    [Fact]
    public async Task Full_queue_is_reported_to_the_producer_as_overload()
    {
        var options = new PipelineOptions { InputCapacity = 2, StageCapacity = 1, EventCapacity = 1 };
        await using var pipeline = harness.Factory(options).Create(new SessionSettings(AudioInputFormat.Default));
        var results = new List<AudioWriteResult>();

        // Nobody reads the events, so the pipeline stalls once they fill and the input queue fills behind it.
        foreach (var packet in PipelineHarness.Pcm16Packets(Speech.Samples, 16000))
        {
            var result = pipeline.TryWriteAudio(packet);
            results.Add(result);
            if (result == AudioWriteResult.Overloaded)
            {
                break;
            }

            await Task.Delay(1);
        }

        Assert.Equal(AudioWriteResult.Overloaded, results[^1]);
        Assert.DoesNotContain(AudioWriteResult.Closed, results);
    }

    [Fact]
    public async Task Stream_ending_mid_speech_still_ends_the_segment()
    {
        // Cut the audio 1 s into the first segment.
        var offline = new SpeechSegmentCollector(16000);
        using (var detector = new VoiceActivityDetector(harness.Vad, new VadOptions(), 16000))
        {
            detector.Accept(Speech.Samples, offline);
            detector.Flush(offline);
        }

        var cut = (int)((offline.Segments[0].Start + 1.0) * 16000);
        await using var pipeline = harness.Factory().Create(new SessionSettings(AudioInputFormat.Default));
        var reading = PipelineHarness.ReadAllAsync(pipeline);
        foreach (var packet in PipelineHarness.Pcm16Packets(Speech.Samples[..cut], 16000))
        {
            await pipeline.WriteAudioAsync(packet);
        }

        pipeline.Complete();
        var events = await reading;
        var end = Assert.Single(events.OfType<SpeechEndedEvent>());
        Assert.Equal(cut / 16000.0, end.End, 3);
    }

    [Fact]
    public async Task Corrupt_opus_packet_fails_the_session_with_a_specific_error()
    {
        await using var pipeline = harness.Factory().Create(new SessionSettings(new AudioInputFormat(AudioCodec.Opus, 48000)));
        Assert.Equal(AudioWriteResult.Accepted, pipeline.TryWriteAudio(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x01 }));

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => PipelineHarness.ReadAllAsync(pipeline));
        Assert.Contains("packet 1", ex.Message);
        await Assert.ThrowsAnyAsync<Exception>(() => pipeline.Completion);
        Assert.Equal(AudioWriteResult.Closed, pipeline.TryWriteAudio(new byte[] { 1, 2 }));
    }

    [Fact]
    public async Task Dispose_stops_a_stalled_pipeline()
    {
        var options = new PipelineOptions { InputCapacity = 2, StageCapacity = 1, EventCapacity = 1 };
        var pipeline = harness.Factory(options).Create(new SessionSettings(AudioInputFormat.Default));
        foreach (var packet in PipelineHarness.Pcm16Packets(Speech.Samples, 16000).Take(500))
        {
            if (pipeline.TryWriteAudio(packet) != AudioWriteResult.Accepted)
            {
                break;
            }
        }

        await pipeline.DisposeAsync();
        Assert.True(pipeline.Completion.IsCompleted);
        Assert.Equal(AudioWriteResult.Closed, pipeline.TryWriteAudio(new byte[] { 1, 2 }));
    }

    [Fact]
    public async Task Session_trailing_silence_decides_when_the_vad_closes_a_segment()
    {
        async Task<int> SegmentsAsync(int trailingSilenceMs)
        {
            var settings = new SessionSettings(AudioInputFormat.Default, Endpoint: new EndpointSettings(MaxTrailingSilenceMs: trailingSilenceMs));
            await using var pipeline = harness.Factory().Create(settings);
            return (await PipelineHarness.RunAsync(pipeline, Speech.Samples, Speech.Rate)).OfType<SpeechEndedEvent>().Count();
        }

        var quick = await SegmentsAsync(200);
        var patient = await SegmentsAsync(3_000);
        Assert.True(patient < quick, $"3 s of trailing silence should merge segments that 200 ms splits ({patient} vs {quick})");
    }

    [Fact]
    public void Unsupported_format_is_refused_before_the_session_starts()
    {
        var ex = Assert.Throws<ArgumentException>(() => harness.Factory().Create(new SessionSettings(new AudioInputFormat(AudioCodec.Opus, 44100))));
        Assert.Contains("44100", ex.Message);
    }
}

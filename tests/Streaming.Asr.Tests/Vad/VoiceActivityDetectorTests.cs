using Streaming.Asr.Vad;
using Streaming.Audio;
using Streaming.Testing;

namespace Streaming.Asr.Tests.Vad;

public sealed class VoiceActivityDetectorTests : IClassFixture<SileroVadFixture>
{
    private readonly SileroVadModel _model;

    public VoiceActivityDetectorTests(SileroVadFixture fixture) => _model = fixture.Model;

    private IReadOnlyList<SpeechSegment> Segment(float[] samples, int rate, int block = 1000)
    {
        using var detector = new VoiceActivityDetector(_model, new VadOptions(), rate);
        var collector = new SpeechSegmentCollector(rate);
        for (var i = 0; i < samples.Length; i += block)
        {
            detector.Accept(samples.AsSpan(i, Math.Min(block, samples.Length - i)), collector);
        }

        detector.Flush(collector);
        return collector.Segments;
    }

    [Fact]
    public void Speech_file_at_16k_gives_several_ordered_segments()
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "silero-test.wav"));
        var segments = Segment(samples, rate);

        Assert.InRange(segments.Count, 3, 40);
        Assert.All(segments, s => Assert.True(s.Duration >= 0.25, $"segment {s} shorter than the minimum speech"));
        for (var i = 1; i < segments.Count; i++)
        {
            Assert.True(segments[i].Start >= segments[i - 1].End, "segments overlap");
        }

        var speech = segments.Sum(s => s.Duration);
        Assert.InRange(speech / (samples.Length / (double)rate), 0.2, 0.98);
    }

    [Fact]
    public void Telephone_audio_at_8k_agrees_with_its_16k_resample()
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "aepyx_8k.wav"));
        Assert.Equal(8000, rate);
        var native = Segment(samples, 8000);
        var resampled = Segment(Resampler.Resample(samples, 8000, 16000), 16000);

        Assert.NotEmpty(native);
        Assert.InRange(resampled.Count, native.Count * 0.75, native.Count * 1.25);
        var nativeSpeech = native.Sum(s => s.Duration);
        var resampledSpeech = resampled.Sum(s => s.Duration);
        Assert.InRange(resampledSpeech / nativeSpeech, 0.85, 1.15);

        // Most 8 kHz segments have a 16 kHz segment that overlaps them.
        var matched = native.Count(n => resampled.Any(r => r.Start < n.End && n.Start < r.End));
        Assert.True(matched >= native.Count * 0.9, $"{matched} of {native.Count} segments matched");
    }

    [Fact]
    public void Digital_silence_gives_no_segments()
    {
        Assert.Empty(Segment(new float[16000 * 10], 16000));
    }

    [Fact]
    public void Quiet_white_noise_gives_no_segments()
    {
        var random = new Random(7);
        var noise = new float[16000 * 10];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)(random.NextDouble() - 0.5) * 0.01f;
        }

        Assert.Empty(Segment(noise, 16000));
    }

    [Fact]
    public void Block_size_does_not_change_the_segments()
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "silero-test.wav"));
        Assert.Equal(Segment(samples, rate, block: 160), Segment(samples, rate, block: 4801));
    }

    [Fact]
    public void Speech_audio_handed_to_the_sink_is_exactly_the_segments()
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "silero-test.wav"));
        using var detector = new VoiceActivityDetector(_model, new VadOptions(), rate);
        var sink = new RecordingSink();
        detector.Accept(samples, sink);
        detector.Flush(sink);

        Assert.NotEmpty(sink.Segments);
        foreach (var (start, end, audio) in sink.Segments)
        {
            Assert.Equal(end - start, audio.Count);
            Assert.Equal(samples.AsSpan((int)start, (int)(end - start)).ToArray(), audio.ToArray());
        }
    }

    [Fact]
    public void Streams_sharing_one_model_in_parallel_match_sequential_runs()
    {
        var (samples, rate) = WavReader.ReadAllMono(TestPaths.SharedTestData("audio", "silero-test.wav"));
        var expected = Segment(samples, rate);
        var results = new IReadOnlyList<SpeechSegment>[4];
        Parallel.For(0, results.Length, i => results[i] = Segment(samples, rate));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private sealed class RecordingSink : IVadSink
    {
        private long _start;
        private long _next;
        private List<float> _audio = [];

        public List<(long Start, long End, List<float> Audio)> Segments { get; } = [];

        public void OnSpeechStart(long sample) => (_start, _next, _audio) = (sample, sample, []);

        public void OnSpeechAudio(ReadOnlySpan<float> samples, long startSample)
        {
            Assert.Equal(_next, startSample);
            _audio.AddRange(samples.ToArray());
            _next = startSample + samples.Length;
        }

        public void OnSpeechEnd(long sample) => Segments.Add((_start, sample, _audio));
    }
}

public sealed class SileroVadFixture : IDisposable
{
    public SileroVadModel Model { get; } = new(SileroVadModel.BundledPath(TestPaths.Models));

    public void Dispose() => Model.Dispose();
}

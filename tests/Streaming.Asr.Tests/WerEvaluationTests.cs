using System.Diagnostics;
using System.Text.Json;
using Streaming.Asr.Evaluation;
using Streaming.Asr.Moonshine;
using Streaming.Asr.Tests.Moonshine;
using Streaming.Testing;
using Xunit.Abstractions;

namespace Streaming.Asr.Tests;

/// <summary>
/// Corpus WER of Moonshine on the shared English test sets (normalised: lowercase, no punctuation).
/// Measured: hifitts 6.6 %, kws-zh-en 0 %, wenet 0 % (numbers are not normalised: "ten" vs "10" counts as
/// an error). The bounds sit a few points above, so they catch regressions without being brittle.
/// </summary>
[Collection(MoonshineCollection.Name)]
public sealed class WerEvaluationTests(MoonshineFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void HifiTts()
    {
        string manifest = TestPaths.SharedTestData("audio", "hifitts/manifest.json");
        var items = File.ReadLines(manifest).Where(l => l.Trim().Length > 0).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return (Path.Combine(Path.GetDirectoryName(manifest)!, root.GetProperty("audio_filepath").GetString()!),
                root.GetProperty("text").GetString()!);
        }).ToList();
        Assert.Equal(116, items.Count);
        Assert.True(Evaluate("hifitts", items) <= 0.12);
    }

    [Fact]
    public void KwsZhEnEnglish()
    {
        var references = File.ReadLines(TestPaths.SharedTestData("audio", "kws-zh-en/en_trans.txt"))
            .Select(l => l.Split(' ', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        var items = new[] { "0.wav", "1.wav" }.Select(n => (TestPaths.SharedTestData("audio", "kws-zh-en/en_" + n), references[n])).ToList();
        Assert.True(Evaluate("kws-zh-en", items) <= 0.10);
    }

    [Fact]
    public void WenetLibrispeech()
    {
        var references = File.ReadLines(TestPaths.SharedTestData("audio", "wenet/text"))
            .Select(l => l.Split(' ', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => Path.GetFileName(p[0]), p => p[1]);
        const string utterance = "librispeech-1995-1837-0001";
        var items = new[] { (TestPaths.SharedTestData("audio", $"wenet/{utterance}.wav"), references[utterance]) }.ToList();
        Assert.True(Evaluate("wenet", items) <= 0.10);
    }

    private double Evaluate(string set, List<(string Path, string Reference)> items)
    {
        int errors = 0;
        int words = 0;
        double audioSeconds = 0;
        var watch = new Stopwatch();
        foreach (var (path, reference) in items)
        {
            var wav = SpeechClip.Read(path);
            Assert.Equal(MoonshineModel.SampleRate, wav.SampleRate);
            watch.Start();
            string hypothesis = fixture.Transcribe(wav.Samples);
            watch.Stop();
            string[] referenceWords = WordErrorRate.Normalise(reference);
            int itemErrors = WordErrorRate.Errors(referenceWords, WordErrorRate.Normalise(hypothesis));
            if (itemErrors > 0)
            {
                output.WriteLine($"  {Path.GetFileName(path)}: {itemErrors} err | ref: {reference} | hyp: {hypothesis}");
            }

            errors += itemErrors;
            words += referenceWords.Length;
            audioSeconds += wav.Seconds;
        }

        double wer = (double)errors / words;
        output.WriteLine($"{set}: {items.Count} utterances, {audioSeconds:F1} s audio, WER {wer:P2} ({errors}/{words}), RTF {watch.Elapsed.TotalSeconds / audioSeconds:F3}");
        return wer;
    }
}

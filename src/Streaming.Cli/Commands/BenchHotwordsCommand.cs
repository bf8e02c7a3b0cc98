using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Hotwords;
using Streaming.Asr.Moonshine;
using Streaming.Asr.Text;
using Streaming.Audio;
using Streaming.Text.Hotwords;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench hotwords [FILE] --phrases N</c>: decode time of one segment with greedy search, with beam
/// search and no hotwords, and with beam search biased towards N phrases (default 1,000, made of words from the
/// model's vocabulary), plus the time to build the N-phrase context graph and to re-score a final against it.
/// </summary>
public sealed class BenchHotwordsCommand : Command<BenchHotwordsCommand.Settings>
{
    /// <summary>Arguments of <c>bench hotwords</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Audio decoded as one segment.</summary>
        [CommandArgument(0, "[FILE]")]
        [Description("WAV file decoded as one segment (default: samples/jfk.wav)")]
        public string? File { get; init; }

        /// <summary>Models folder.</summary>
        [CommandOption("--models <DIR>")]
        [Description("Models folder (default: the nearest models/ with a manifest.json)")]
        public string? Models { get; init; }

        /// <summary>Hotword count.</summary>
        [CommandOption("--phrases <N>")]
        [Description("Hotwords in the biased run (default 1000)")]
        public int Phrases { get; init; } = 1000;

        /// <summary>Beam size.</summary>
        [CommandOption("--beam <N>")]
        [Description("Beam size (default 4)")]
        public int Beam { get; init; } = 4;

        /// <summary>Timed decodes per configuration.</summary>
        [CommandOption("-n|--iterations <N>")]
        [Description("Timed decodes per configuration, after one warm-up (default 5)")]
        public int Iterations { get; init; } = 5;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Phrases < 1 || settings.Beam < 1 || settings.Iterations < 1)
        {
            throw new CliException("--phrases, --beam and --iterations must be positive.");
        }

        string models = ModelDirectory.Locate(settings.Models);
        string file = settings.File ?? Path.Combine(models, "..", "samples", "jfk.wav");
        var (samples, rate) = WavReader.ReadAllMono(file);
        if (rate != AudioFrame.SampleRate)
        {
            samples = Resampler.Resample(samples, rate, AudioFrame.SampleRate);
        }

        string directory = Path.Combine(models, "moonshine-tiny-en");
        using var greedy = MoonshineModel.Load(directory);
        using var beam = MoonshineModel.Load(directory, new RecognizerOptions { DecodingMethod = RecognizerOptions.ModifiedBeamSearch, BeamSize = settings.Beam });
        var hotwords = SyntheticPhrases(beam.Vocabulary, settings.Phrases);
        var build = Stopwatch.StartNew();
        var graph = ContextGraph.Build(hotwords, beam.HotwordTokenizer, 3f);
        build.Stop();

        Console.WriteLine($"file: {Path.GetFullPath(file)} ({samples.Length / (double)AudioFrame.SampleRate:F2} s), one segment, {settings.Iterations} timed decodes each, {Environment.ProcessorCount} cores");
        Console.WriteLine($"context graph: {graph.PhraseCount} phrases, {graph.StateCount} states, built in {build.Elapsed.TotalMilliseconds:F1} ms");
        Console.WriteLine("config                     mean_ms   RTF      text");
        Measure("greedy", greedy, [], samples, settings.Iterations);
        Measure($"beam {settings.Beam}, 0 phrases", beam, [], samples, settings.Iterations);
        string text = Measure($"beam {settings.Beam}, {hotwords.Count} phrases", beam, hotwords, samples, settings.Iterations);

        var rescorer = new HotwordRescorer();
        string[] phrases = [.. hotwords.Select(h => h.Phrase)];
        rescorer.Rescore(text, phrases);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < settings.Iterations; i++)
        {
            rescorer.Rescore(text, phrases);
        }

        Console.WriteLine($"re-scoring that final against {phrases.Length} phrases: {clock.Elapsed.TotalMilliseconds / settings.Iterations:F2} ms");
        return 0;
    }

    private static string Measure(string name, MoonshineModel model, IReadOnlyList<Hotword> hotwords, float[] samples, int iterations)
    {
        using var stream = model.CreateStream(hotwords);
        string text = Decode(stream, samples);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            Decode(stream, samples);
        }

        double ms = clock.Elapsed.TotalMilliseconds / iterations;
        double seconds = samples.Length / (double)AudioFrame.SampleRate;
        Console.WriteLine($"{name,-26} {ms,7:F1}  {ms / 1000 / seconds,6:F4}   {text}");
        return text;
    }

    private static string Decode(IRecognitionStream stream, float[] samples)
    {
        stream.AcceptAudio(samples);
        return stream.Finish().Text;
    }

    /// <summary>Two-word phrases of whole-word vocabulary pieces, from a fixed seed so runs compare.</summary>
    private static List<Hotword> SyntheticPhrases(SentencePieceVocabulary vocabulary, int count)
    {
        string[] words = [.. vocabulary.Pieces()
            .Select(p => p.Key)
            .Where(p => p.Length >= 5 && p[0] == '▁' && p.Skip(1).All(char.IsAsciiLetterLower))
            .Select(p => p[1..])];
        var random = new Random(5);
        var phrases = new HashSet<string>();
        while (phrases.Count < count)
        {
            phrases.Add($"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}");
        }

        return [.. phrases.Select(p => new Hotword(p))];
    }
}

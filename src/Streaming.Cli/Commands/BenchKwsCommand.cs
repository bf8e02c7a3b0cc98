using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console.Cli;
using Streaming.Asr.Keywords;
using Streaming.Asr.Text;
using Streaming.Cli.Evaluation;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench kws [FILE] [--keywords 0,100,1000]</c>: the cost of keyword spotting per stream. For each
/// keyword count the Mandarin model decodes FILE (default: its test_wavs/3.wav) in 100 ms packets with a partial
/// after each, on one thread, unpaced, and prints the graph size and build time, RTF (CPU time / audio) and the
/// per-packet partial latency (the time to decode a packet and take its partial). The keywords are the model's test
/// keywords plus random syllable spellings (fixed seed) of three to five syllables, like names.
/// </summary>
public sealed class BenchKwsCommand : Command<BenchKwsCommand.Settings>
{
    /// <summary>Arguments of <c>bench kws</c>.</summary>
    public sealed class Settings : EngineSettings
    {
        /// <summary>Audio decoded.</summary>
        [CommandArgument(0, "[FILE]")]
        [Description("16 kHz WAV file decoded per run (default: the Mandarin model's test_wavs/3.wav)")]
        public string? File { get; init; }

        /// <summary>Keyword counts to compare.</summary>
        [CommandOption("--counts <LIST>")]
        [Description("Keywords per stream to compare, comma-separated (default 0,100,1000)")]
        public string Counts { get; init; } = "0,100,1000";

        /// <summary>Timed decodes per count.</summary>
        [CommandOption("-n|--iterations <N>")]
        [Description("Timed rounds (one decode per count each), after one warm-up (default 5)")]
        public int Iterations { get; init; } = 5;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        int[] counts = [.. settings.Counts.Split(',', StringSplitOptions.TrimEntries).Select(c =>
            int.TryParse(c, out int n) && n >= 0 && n <= KeywordList.MaxKeywords ? n : throw new CliException($"--counts: '{c}' is not a count in [0, {KeywordList.MaxKeywords}]."))];
        if (settings.Iterations < 1)
        {
            throw new CliException("--iterations must be positive.");
        }

        settings.PreferMandarin();
        string modelFolder = Path.Combine(Asr.ModelDirectory.Locate(settings.Models), ModelSettings.MandarinModel);
        string file = settings.File ?? Path.Combine(modelFolder, "test_wavs", "3.wav");
        var samples = KeywordSpotting.ReadClip(file);
        using var engine = settings.LoadEngine();
        var model = engine.Recognizer ?? throw new CliException("bench kws needs a recognition model.");
        var pool = Keywords(KeywordList.Load(Path.Combine(modelFolder, "test_wavs", "test_keywords.txt")), TokenTable.Load(Path.Combine(modelFolder, "tokens.txt")), counts.Max());
        double audio = samples.Length / 16000.0;
        Console.WriteLine($"model: {engine.RecognizerName}; file: {Path.GetFullPath(file)} ({audio:F2} s); one thread, 100 ms packets, unpaced, {settings.Iterations} rounds over the counts after a warm-up");
        // Fresh list instances, so each build is timed rather than served from the model's graph cache.
        var lists = counts.Select(c => (IReadOnlyList<Keyword>)[.. pool.Take(c)]).ToArray();
        var builds = lists.Select(keywords =>
        {
            var build = Stopwatch.StartNew();
            KeywordSpotting.CreateStream(model, keywords).Dispose();
            return build.Elapsed.TotalMilliseconds;
        }).ToArray();
        foreach (var keywords in lists)
        {
            KeywordSpotting.Run(model, keywords, samples);
        }

        // Rounds visit every count in turn, so drift in the machine's load touches them alike.
        var latencies = lists.Select(_ => new List<double>()).ToArray();
        var cpu = new double[lists.Length];
        var hits = new int[lists.Length];
        for (int round = 0; round < settings.Iterations; round++)
        {
            for (int i = 0; i < lists.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var run = KeywordSpotting.Run(model, lists[i], samples);
                cpu[i] += (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                latencies[i].AddRange(run.PacketMilliseconds);
                hits[i] += run.Hits.Count;
            }
        }

        Console.WriteLine("keywords  build ms  RTF (CPU/audio)  packet→partial ms p50 / p95 / max  hits/run");
        for (int i = 0; i < lists.Length; i++)
        {
            latencies[i].Sort();
            Console.WriteLine($"{counts[i],8}  {builds[i],8:F0}  {cpu[i] / (audio * settings.Iterations),15:F4}  "
                + $"{Percentile.Of(latencies[i], 0.5),17:F1} / {Percentile.Of(latencies[i], 0.95),4:F1} / {latencies[i][^1],5:F1}  {hits[i] / (double)settings.Iterations,8:F1}");
        }

        return 0;
    }

    // The test keywords, then made-up names spelt explicitly as initial + toned final per syllable.
    private static List<Keyword> Keywords(IReadOnlyList<Keyword> test, TokenTable tokens, int count)
    {
        var symbols = tokens.Pieces().Select(p => p.Key).ToList();
        var initials = symbols.Where(Asr.Text.Pinyin.PinyinSyllableAssembler.IsInitial).ToArray();
        var finals = symbols.Where(Asr.Text.Pinyin.PinyinSyllableAssembler.IsFinal).ToArray();
        var random = new Random(16);
        var keywords = new List<Keyword>(test);
        while (keywords.Count < count)
        {
            var spelling = Enumerable.Range(0, random.Next(3, 6)).SelectMany(_ => new[] { initials[random.Next(initials.Length)], finals[random.Next(finals.Length)] }).ToList();
            keywords.Add(new Keyword($"kw{keywords.Count}", Spelling: spelling));
        }

        return keywords;
    }
}

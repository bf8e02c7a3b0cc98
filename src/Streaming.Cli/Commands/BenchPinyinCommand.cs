using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Text.Pinyin;
using Streaming.Audio;
using Streaming.Cli.Evaluation;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming bench pinyin</c>: the cost of turning the Mandarin transducer's pinyin into 汉字 in a streamed
/// session. Each wav of the set goes through one recogniser stream in packets, with a partial after every encoder
/// chunk as the server asks for them, then the final; the thread CPU time of decoding, of the partials (almost all
/// pinyin conversion) and of the finals is summed, and the final's conversion is timed again alone. Prints the cost
/// per partial, per final and per audio second, the conversion's share of the session's CPU, and a digest of every
/// partial and final text, so a faster build can show it writes the same text.
/// </summary>
public sealed class BenchPinyinCommand : Command<BenchPinyinCommand.Settings>
{
    /// <summary>Arguments of <c>bench pinyin</c>.</summary>
    public sealed class Settings : EvalSettings
    {
        /// <summary>Set to stream.</summary>
        [CommandOption("--set <NAME>")]
        [Description("zh-eval (default), zh-eval-test, or a folder of wavs with a trans.tsv")]
        public string Set { get; init; } = "zh-eval";

        /// <summary>Packet length.</summary>
        [CommandOption("--packet-ms <MS>")]
        [Description("Audio per packet fed to the stream (default 100)")]
        public int PacketMs { get; init; } = 100;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.PacketMs < 10)
        {
            throw new CliException("--packet-ms must be at least 10.");
        }

        settings.PreferMandarin();
        var items = settings.Items([settings.Set], s => MandarinTestSets.Load(ErrorRateReport.DataFolder(settings.Data, settings.Models), s));
        var clips = items.Select(i => WavReader.ReadAllMono(i.AudioPath)).ToList();
        if (clips.Count == 0 || clips.Any(c => c.SampleRate != 16000))
        {
            throw new CliException($"Set '{settings.Set}' needs 16 kHz wavs; it has {(clips.Count == 0 ? "none" : "others")}.");
        }

        using var engine = settings.LoadEngine();
        var recognizer = engine.Recognizer ?? throw new CliException("bench pinyin needs a recognition model.");
        if (!FinalTextAssembly.Applies(recognizer))
        {
            throw new CliException($"bench pinyin needs a transducer; '{engine.RecognizerName}' is not one.");
        }

        using var stream = recognizer.CreateStream();
        var packet = 16 * settings.PacketMs;
        var warmUp = new SessionCost();
        Stream(recognizer, stream, clips[0].Samples, packet, warmUp); // JIT, ONNX Runtime and libpinyin start-up are not counted

        var cost = new SessionCost();
        foreach (var (samples, _) in clips)
        {
            Stream(recognizer, stream, samples, packet, cost);
        }

        var audioSeconds = clips.Sum(c => c.Samples.Length / 16000.0);
        var session = cost.Decode + cost.Partials.Sum() + cost.Finals.Sum();
        var text = cost.Partials.Sum() + cost.FinalConversions.Sum();
        Console.WriteLine($"model: {engine.RecognizerName}; set {settings.Set}: {clips.Count} files, {audioSeconds:F1} s of audio, {settings.PacketMs} ms packets, a partial after every encoder chunk; one thread");
        Console.WriteLine($"session CPU: {session:F3} s (RTF {session / audioSeconds:F4}); decoding {cost.Decode:F3} s, partials {cost.Partials.Sum():F3} s, finals {cost.Finals.Sum():F3} s");
        Console.WriteLine($"per partial (n={cost.Partials.Count}): {Milliseconds(cost.Partials)}");
        Console.WriteLine($"per final's conversion, timed alone (n={cost.FinalConversions.Count}): {Milliseconds(cost.FinalConversions)}");
        Console.WriteLine($"pinyin → 汉字 (partials + final conversions): {text * 1000 / audioSeconds:F2} ms CPU per audio second, {100 * text / session:F1} % of the session's CPU");
        Console.WriteLine($"finals whose conversion alone differs from the stream's: {cost.Mismatches}");
        Console.WriteLine($"libpinyin tables with a whole-file page cache: {PinyinTableCache.CachedTables} (library {(PinyinTableCache.Installed ? "loaded" : "missing: Berkeley DB's 256 KiB default")})");
        Console.WriteLine($"text digest: partials {cost.PartialDigest()}, finals {cost.FinalDigest()}");
        return 0;
    }

    // Feeds one clip in packets, asking for a partial whenever an encoder chunk ran, as RecognitionStage does.
    private static void Stream(IRecognizerModel recognizer, IRecognitionStream stream, float[] samples, int packet, SessionCost cost)
    {
        var version = stream.HypothesisVersion;
        for (var start = 0; start < samples.Length; start += packet)
        {
            var begin = ThreadCpuClock.Now();
            stream.AcceptAudio(samples.AsSpan(start, Math.Min(packet, samples.Length - start)));
            var decoded = ThreadCpuClock.Now();
            cost.Decode += decoded - begin;
            if (stream.HypothesisVersion != version)
            {
                version = stream.HypothesisVersion;
                var partial = stream.GetPartial();
                cost.Partials.Add(ThreadCpuClock.Now() - decoded);
                cost.AddPartial(partial);
            }
        }

        var finishing = ThreadCpuClock.Now();
        var final = stream.Finish();
        var converting = ThreadCpuClock.Now();
        cost.Finals.Add(converting - finishing);
        var alone = FinalTextAssembly.Reassemble(recognizer, final);
        cost.FinalConversions.Add(ThreadCpuClock.Now() - converting);
        cost.AddFinal(final, alone);
    }

    private static string Milliseconds(List<double> seconds)
    {
        if (seconds.Count == 0)
        {
            return "none";
        }

        var sorted = seconds.Order().ToArray();
        return $"mean {sorted.Average() * 1000:F3} ms, p50 {Percentile.Of(sorted, 0.50) * 1000:F3}, p95 {Percentile.Of(sorted, 0.95) * 1000:F3}, max {sorted[^1] * 1000:F3}";
    }

    // CPU seconds of one run's parts, and every text it wrote.
    private sealed class SessionCost
    {
        private readonly StringBuilder _partialTexts = new();
        private readonly StringBuilder _finalTexts = new();

        public double Decode { get; set; }

        public List<double> Partials { get; } = [];

        public List<double> Finals { get; } = [];

        public List<double> FinalConversions { get; } = [];

        public int Mismatches { get; private set; }

        public void AddPartial(RecognitionResult partial) => _partialTexts.Append(partial.Text).Append('|').Append(partial.StableTextLength).Append('\n');

        public void AddFinal(RecognitionResult final, string alone)
        {
            _finalTexts.Append(final.Text).Append('\n');
            Mismatches += final.Text == alone ? 0 : 1;
        }

        public string PartialDigest() => Digest(_partialTexts);

        public string FinalDigest() => Digest(_finalTexts);

        private static string Digest(StringBuilder texts) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(texts.ToString())))[..16].ToLowerInvariant();
    }
}

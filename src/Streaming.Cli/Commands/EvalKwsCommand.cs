using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.Asr.Evaluation;
using Streaming.Asr.Keywords;
using Streaming.Cli.Evaluation;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming eval kws [--keywords LIST] [--threshold T] [--set NAME]</c>: spots a keyword list (default: the
/// Mandarin model's <c>test_wavs/test_keywords.txt</c>) in every file of the Mandarin test sets and counts false
/// alarms, hits whose keyword is not in the file's reference transcript, and misses, keywords in the reference that
/// were not hit. Each file goes through the recogniser stream alone in 100 ms packets (no VAD), as
/// <see cref="KeywordSpotting"/> does.
/// </summary>
public sealed class EvalKwsCommand : Command<EvalKwsCommand.Settings>
{
    /// <summary>Arguments of <c>eval kws</c>.</summary>
    public sealed class Settings : EvalSettings
    {
        /// <summary>Sets to run.</summary>
        [CommandOption("--set <NAME>")]
        [Description("Set to run, repeatable: zh-eval (dev), zh-eval-test (held out) (default: zh-eval)")]
        public string[] Sets { get; init; } = [];

        /// <summary>The keywords.</summary>
        [CommandOption("--keywords <LIST>")]
        [Description("Keyword file (one a line, optional ' :BOOST' ' #THRESHOLD', or sherpa-onnx's 'tokens @phrase') or comma-separated keywords (default: the model's test_wavs/test_keywords.txt)")]
        public string? Keywords { get; init; }

        /// <summary>Threshold for keywords without their own.</summary>
        [CommandOption("--threshold <T>")]
        [Description("Trigger threshold on the average token probability, in (0, 1]], for keywords without their own (default 0.25)")]
        public float? Threshold { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Threshold is { } t && !(t > 0 && t <= 1))
        {
            throw new CliException($"--threshold must be in (0, 1], got {t}.");
        }

        var data = ErrorRateReport.DataFolder(settings.Data, settings.Models);
        var items = settings.Items(settings.Sets.Length == 0 ? ["zh-eval"] : settings.Sets, s => MandarinTestSets.Load(data, s));
        settings.PreferMandarin();
        var keywordList = settings.Keywords
            ?? Path.Combine(Asr.ModelDirectory.Locate(settings.Models), ModelSettings.MandarinModel, "test_wavs", "test_keywords.txt");
        var keywords = KeywordArgument.Parse(keywordList);
        float threshold = settings.Threshold ?? new Asr.RecognizerOptions().KeywordThreshold;
        keywords = [.. keywords.Select(k => k with { Threshold = k.Threshold ?? threshold })];
        using var engine = settings.LoadEngine();
        var model = engine.Recognizer ?? throw new CliException("eval kws needs a recognition model.");
        Console.WriteLine($"model: {engine.RecognizerName}; keywords: {keywords.Count} from {keywordList}; threshold {threshold.ToString(CultureInfo.InvariantCulture)} (where a keyword sets none); data: {data}");

        int hits = 0, falseAlarms = 0, misses = 0, present = 0;
        double seconds = 0;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var samples = KeywordSpotting.ReadClip(item.AudioPath);
            seconds += samples.Length / 16000.0;
            var run = KeywordSpotting.Run(model, keywords, samples);
            string reference = string.Concat(CharacterErrorRate.Normalise(item.Reference));
            var said = keywords.Where(k => reference.Contains(string.Concat(CharacterErrorRate.Normalise(k.Phrase)), StringComparison.Ordinal)).Select(k => k.Phrase).ToHashSet();
            var wrong = run.Hits.Where(h => !said.Contains(h.Keyword)).ToList();
            var missed = said.Where(p => run.Hits.All(h => h.Keyword != p)).ToList();
            hits += run.Hits.Count;
            falseAlarms += wrong.Count;
            misses += missed.Count;
            present += said.Count;
            if (run.Hits.Count > 0 || missed.Count > 0)
            {
                Console.WriteLine($"{Path.GetFileName(item.AudioPath)}: {string.Join(", ", run.Hits.Select(h => $"{h.Keyword} {h.Start:F2}-{h.End:F2} ({h.Confidence:F2}){(wrong.Contains(h) ? " FALSE" : "")}"))}"
                    + (missed.Count > 0 ? $" missed: {string.Join(", ", missed)}" : "") + $" | ref: {item.Reference}");
            }
        }

        Console.WriteLine($"files: {items.Count} ({seconds / 60:F1} min of audio); hits: {hits}; false alarms: {falseAlarms} ({falseAlarms / (seconds / 3600):F1} per hour); "
            + $"keywords said: {present}, missed: {misses}; threshold {threshold.ToString(CultureInfo.InvariantCulture)}");
        return 0;
    }
}

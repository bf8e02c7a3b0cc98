using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.Asr.Evaluation;
using Streaming.Asr.Text.Pinyin;
using Streaming.Cli.Evaluation;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming eval cer</c>: character error rate of the Mandarin test sets, characters compared without
/// punctuation and spaces. Recognises through the full session pipeline, or scores a file of hypotheses
/// (<c>file&lt;TAB&gt;text</c> per line; with <c>--pinyin</c> the text is a model's pinyin tokens, converted
/// here as the recogniser would), which measures a pinyin converter on another decoder's tokens.
/// </summary>
public sealed class EvalCerCommand : AsyncCommand<EvalCerCommand.Settings>
{
    /// <summary>Arguments of <c>eval cer</c>.</summary>
    public sealed class Settings : EvalSettings
    {
        /// <summary>Sets to run.</summary>
        [CommandOption("--set <NAME>")]
        [Description("Set to evaluate, repeatable: zh-eval (dev), zh-eval-test (held out), or a folder of wavs with a trans.tsv (default: zh-eval)")]
        public string[] Sets { get; init; } = [];

        /// <summary>Hypotheses to score instead of recognising.</summary>
        [CommandOption("--hypotheses <FILE>", IsHidden = true)]
        [Description("Score these hypotheses (wav file name, tab, text per line) instead of recognising the audio")]
        public string? Hypotheses { get; init; }

        /// <summary>The hypotheses are pinyin tokens.</summary>
        [CommandOption("--pinyin", IsHidden = true)]
        [Description("With --hypotheses: the text is space-separated pinyin tokens, converted to characters first")]
        public bool Pinyin { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Pinyin && settings.Hypotheses is null)
        {
            throw new CliException("--pinyin applies to --hypotheses only.");
        }

        var data = ErrorRateReport.DataFolder(settings.Data, settings.Models);
        var sets = settings.Sets.Length == 0 ? ["zh-eval"] : settings.Sets;
        var items = settings.Items(sets, s => MandarinTestSets.Load(data, s));
        var report = new ErrorRateReport(CharacterErrorRate.Normalise, "chars", "CER", settings.ShowErrors);
        if (settings.Hypotheses is { } file)
        {
            var hypotheses = ReadHypotheses(file);
            using var pinyin = settings.Pinyin ? new PinyinTextAssembler() : null;
            Console.WriteLine($"hypotheses: {file}; data: {data}");
            await report.RunAsync(items, (item, _) => Task.FromResult(Score(item, hypotheses, pinyin)), cancellationToken);
            return 0;
        }

        settings.PreferMandarin();
        using var engine = settings.LoadEngine();
        Console.WriteLine($"model: {engine.RecognizerName}; data: {data}");
        await report.RunAsync(items, ErrorRateReport.Through(engine), cancellationToken);
        return 0;
    }

    private static Hypothesis Score(EvalItem item, Dictionary<string, string> hypotheses, PinyinTextAssembler? pinyin)
    {
        var name = Path.GetFileName(item.AudioPath);
        if (!hypotheses.TryGetValue(name, out var text))
        {
            throw new CliException($"The hypotheses file has no line for {name}.");
        }

        return new Hypothesis(pinyin?.Convert(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) ?? text, 0, 0);
    }

    private static Dictionary<string, string> ReadHypotheses(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"Hypotheses file '{path}' does not exist.");
        }

        var hypotheses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            var columns = line.Split('\t', 2);
            hypotheses[Path.GetFileName(columns[0])] = columns.Length > 1 ? columns[1] : string.Empty;
        }

        return hypotheses;
    }
}

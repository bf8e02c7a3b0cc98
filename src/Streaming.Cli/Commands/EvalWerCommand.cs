using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.Asr.Evaluation;
using Streaming.Cli.Evaluation;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming eval wer</c>: transcribes the English test sets through the full session pipeline (VAD,
/// recogniser, no ITN) and prints the word error rate of each set on normalised text (case and
/// punctuation ignored), then the corpus total.
/// </summary>
public sealed class EvalWerCommand : AsyncCommand<EvalWerCommand.Settings>
{
    /// <summary>Arguments of <c>eval wer</c>.</summary>
    public sealed class Settings : EvalSettings
    {
        /// <summary>Sets to run.</summary>
        [CommandOption("--set <NAME>")]
        [Description("Set to evaluate, repeatable: jfk, hifitts, kws-zh-en, wenet (default: all)")]
        public string[] Sets { get; init; } = [];
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var data = ErrorRateReport.DataFolder(settings.Data, settings.Models);
        var sets = settings.Sets.Length == 0 ? EnglishTestSets.Names : settings.Sets;
        var items = settings.Items(sets, s => EnglishTestSets.Load(data, s));
        using var engine = settings.LoadEngine();
        Console.WriteLine($"model: {engine.RecognizerName}; data: {data}");
        var report = new ErrorRateReport(WordErrorRate.Normalise, "words", "WER", settings.ShowErrors);
        await report.RunAsync(items, ErrorRateReport.Through(engine), cancellationToken);
        return 0;
    }
}

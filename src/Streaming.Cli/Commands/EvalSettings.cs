using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.Cli.Evaluation;

namespace Streaming.Cli.Commands;

/// <summary>Options shared by the error-rate commands (<c>eval wer</c>, <c>eval cer</c>).</summary>
public class EvalSettings : EngineSettings
{
    /// <summary>Test audio folder.</summary>
    [CommandOption("--data <DIR>")]
    [Description("Test audio folder (default: ../shared/testdata/audio beside the repository)")]
    public string? Data { get; init; }

    /// <summary>Utterances per set.</summary>
    [CommandOption("--limit <N>")]
    [Description("At most N utterances of each set (default: all)")]
    public int Limit { get; init; } = int.MaxValue;

    /// <summary>Print each utterance with errors.</summary>
    [CommandOption("--show-errors")]
    [Description("Print the reference and hypothesis of every utterance with errors")]
    public bool ShowErrors { get; init; }

    /// <summary>The first <see cref="Limit"/> utterances of each named set.</summary>
    internal List<EvalItem> Items(IEnumerable<string> sets, Func<string, IEnumerable<EvalItem>> load) =>
        Limit < 1 ? throw new CliException("--limit must be at least 1.") : [.. sets.SelectMany(s => load(s).Take(Limit))];
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console.Cli;
using Streaming.Asr.Evaluation;
using Streaming.Audio;
using Streaming.Cli.Evaluation;
using Streaming.Pipeline;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming eval wer</c>: transcribes the English test sets through the full session pipeline (VAD,
/// recogniser, no ITN) and prints the word error rate of each set on normalised text (case and
/// punctuation ignored), then the corpus total.
/// </summary>
public sealed class EvalWerCommand : AsyncCommand<EvalWerCommand.Settings>
{
    /// <summary>Arguments of <c>eval wer</c>.</summary>
    public sealed class Settings : EngineSettings
    {
        /// <summary>Test audio folder.</summary>
        [CommandOption("--data <DIR>")]
        [Description("Test audio folder (default: ../shared/testdata/audio beside the repository)")]
        public string? Data { get; init; }

        /// <summary>Sets to run.</summary>
        [CommandOption("--set <NAME>")]
        [Description("Set to evaluate, repeatable: jfk, hifitts, kws-zh-en, wenet (default: all)")]
        public string[] Sets { get; init; } = [];

        /// <summary>Utterances per set.</summary>
        [CommandOption("--limit <N>")]
        [Description("At most N utterances of each set (default: all)")]
        public int Limit { get; init; } = int.MaxValue;

        /// <summary>Print each utterance with errors.</summary>
        [CommandOption("--show-errors")]
        [Description("Print the reference and hypothesis of every utterance with errors")]
        public bool ShowErrors { get; init; }
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Limit < 1)
        {
            throw new CliException("--limit must be at least 1.");
        }

        var data = settings.Data ?? Path.GetFullPath(Path.Combine(Asr.ModelDirectory.Locate(settings.Models), "..", "..", "shared", "testdata", "audio"));
        if (!Directory.Exists(data))
        {
            throw new CliException($"Test audio folder '{data}' does not exist; pass --data.");
        }

        var sets = settings.Sets.Length == 0 ? EnglishTestSets.Names : settings.Sets;
        var items = sets.SelectMany(s => EnglishTestSets.Load(data, s).Take(settings.Limit)).ToList();
        using var engine = settings.LoadEngine();
        Console.WriteLine($"model: {engine.RecognizerName}; data: {data}");
        Console.WriteLine($"{"set",-10} {"utts",5} {"words",6} {"errors",6} {"WER",7} {"audio s",8} {"RTF",6}");
        var total = new Tally();
        foreach (var set in items.GroupBy(i => i.Set))
        {
            var tally = new Tally();
            foreach (var item in set)
            {
                var (samples, rate) = WavReader.ReadAllMono(item.AudioPath);
                var clock = Stopwatch.StartNew();
                var finals = await FileTranscriber.TranscribeAsync(engine, samples, new SessionSettings(new AudioInputFormat(AudioCodec.Pcm16, rate), Itn: false), onPacket: null, cancellationToken);
                var elapsed = clock.Elapsed.TotalSeconds;
                var hypothesis = string.Join(" ", finals.Select(f => f.Text));
                var reference = WordErrorRate.Normalise(item.Reference);
                var errors = WordErrorRate.Errors(reference, WordErrorRate.Normalise(hypothesis));
                tally.Add(reference.Length, errors, samples.Length / (double)rate, elapsed);
                if (settings.ShowErrors && errors > 0)
                {
                    Console.WriteLine($"  {Path.GetFileName(item.AudioPath)}: {errors} errors | ref: {item.Reference} | hyp: {hypothesis}");
                }
            }

            Console.WriteLine(tally.Row(set.Key));
            total.Add(tally);
        }

        Console.WriteLine(total.Row("total"));
        return 0;
    }

    private sealed class Tally
    {
        private int _utterances;
        private int _words;
        private int _errors;
        private double _audio;
        private double _elapsed;

        public void Add(int words, int errors, double audio, double elapsed)
        {
            _utterances++;
            _words += words;
            _errors += errors;
            _audio += audio;
            _elapsed += elapsed;
        }

        public void Add(Tally other)
        {
            _utterances += other._utterances;
            _words += other._words;
            _errors += other._errors;
            _audio += other._audio;
            _elapsed += other._elapsed;
        }

        public string Row(string name) => string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-10} {_utterances,5} {_words,6} {_errors,6} {100.0 * _errors / Math.Max(1, _words),6:F2}% {_audio,8:F1} {_elapsed / Math.Max(1e-9, _audio),6:F3}");
    }
}

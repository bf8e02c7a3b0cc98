using System.Diagnostics;
using System.Globalization;
using Streaming.Asr.Evaluation;
using Streaming.Audio;
using Streaming.Pipeline;

namespace Streaming.Cli.Evaluation;

/// <summary>One utterance's hypothesis with the audio length and the time it took to recognise.</summary>
internal readonly record struct Hypothesis(string Text, double AudioSeconds, double ElapsedSeconds);

/// <summary>
/// The table printed by <c>eval wer</c> and <c>eval cer</c>: per set and in total the utterances, reference
/// units (words or characters), errors, error rate, audio seconds and real-time factor; with
/// <c>showErrors</c>, every utterance that has errors.
/// </summary>
/// <param name="normalise">Splits a text into the units that are scored (words for WER, characters for CER).</param>
/// <param name="units">Column name of the reference unit count.</param>
/// <param name="metric">Column name of the rate.</param>
/// <param name="showErrors">Print the reference and hypothesis of each utterance with errors.</param>
internal sealed class ErrorRateReport(Func<string, string[]> normalise, string units, string metric, bool showErrors)
{
    /// <summary>The team's test audio folder: <paramref name="data"/>, or <c>../shared/testdata/audio</c> beside the repository.</summary>
    public static string DataFolder(string? data, string? models)
    {
        var folder = data ?? Path.GetFullPath(Path.Combine(Asr.ModelDirectory.Locate(models), "..", "..", "shared", "testdata", "audio"));
        return Directory.Exists(folder) ? folder : throw new CliException($"Test audio folder '{folder}' does not exist; pass --data.");
    }

    /// <summary>Recognises an item through the full session pipeline (VAD, recogniser, no ITN); finals joined by spaces.</summary>
    public static Func<EvalItem, CancellationToken, Task<Hypothesis>> Through(SpeechEngine engine) => async (item, cancellationToken) =>
    {
        var (samples, rate) = WavReader.ReadAllMono(item.AudioPath);
        var clock = Stopwatch.StartNew();
        var (finals, _) = await FileTranscriber.TranscribeAsync(
            engine, samples, new SessionSettings(new AudioInputFormat(AudioCodec.Pcm16, rate), Itn: false), onPacket: null, cancellationToken);
        return new Hypothesis(string.Join(" ", finals.Select(f => f.Text)), samples.Length / (double)rate, clock.Elapsed.TotalSeconds);
    };

    /// <summary>Scores every item with the hypotheses <paramref name="recognise"/> gives and prints the table.</summary>
    public async Task RunAsync(
        IEnumerable<EvalItem> items, Func<EvalItem, CancellationToken, Task<Hypothesis>> recognise, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{"set",-12} {"utts",5} {units,6} {"errors",6} {metric,7} {"audio s",8} {"RTF",6}");
        var total = new Tally();
        foreach (var set in items.GroupBy(i => i.Set))
        {
            var tally = new Tally();
            foreach (var item in set)
            {
                var hypothesis = await recognise(item, cancellationToken);
                var reference = normalise(item.Reference);
                var errors = WordErrorRate.Errors(reference, normalise(hypothesis.Text));
                tally.Add(reference.Length, errors, hypothesis.AudioSeconds, hypothesis.ElapsedSeconds);
                if (showErrors && errors > 0)
                {
                    Console.WriteLine($"  {Path.GetFileName(item.AudioPath)}: {errors} errors | ref: {item.Reference} | hyp: {hypothesis.Text}");
                }
            }

            Console.WriteLine(tally.Row(set.Key));
            total.Add(tally);
        }

        Console.WriteLine(total.Row("total"));
    }

    private sealed class Tally
    {
        private int _utterances;
        private int _units;
        private int _errors;
        private double _audio;
        private double _elapsed;

        public void Add(int units, int errors, double audio, double elapsed)
        {
            _utterances++;
            _units += units;
            _errors += errors;
            _audio += audio;
            _elapsed += elapsed;
        }

        public void Add(Tally other)
        {
            _utterances += other._utterances;
            _units += other._units;
            _errors += other._errors;
            _audio += other._audio;
            _elapsed += other._elapsed;
        }

        public string Row(string name) => string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-12} {_utterances,5} {_units,6} {_errors,6} {100.0 * _errors / Math.Max(1, _units),6:F2}% {_audio,8:F1} {_elapsed / Math.Max(1e-9, _audio),6:F3}");
    }
}

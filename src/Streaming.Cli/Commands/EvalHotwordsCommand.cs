using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Evaluation;
using Streaming.Asr.Hotwords;
using Streaming.Audio;
using Streaming.Cli.Evaluation;
using Streaming.Text.Hotwords;

namespace Streaming.Cli.Commands;

/// <summary>
/// <c>streaming eval hotwords MANIFEST --hotwords FILE</c>: decodes every utterance of an evaluation set
/// three ways — greedy (the default product path), beam search without hotwords, and the same beam search
/// biased towards the list — then re-scores the biased text as finals are (<see cref="HotwordRescorer"/>), and
/// prints hotword recall, overall WER and the WER of the other words for each, plus the utterances where
/// biasing or re-scoring changed the beam's text. A Mandarin set's <c>trans.tsv</c> in place of the manifest is
/// decoded with the Mandarin model (unless another is named) and scored per character.
/// </summary>
public sealed class EvalHotwordsCommand : Command<EvalHotwordsCommand.Settings>
{
    /// <summary>Arguments of <c>eval hotwords</c>.</summary>
    public sealed class Settings : ModelSettings
    {
        /// <summary>The evaluation set.</summary>
        [CommandArgument(0, "<MANIFEST>")]
        [Description("JSON-lines manifest (audio_filepath, text), e.g. the hifitts manifest.json of the shared test data, or a Mandarin set's trans.tsv (scored per character)")]
        public string Manifest { get; init; } = "";

        /// <summary>Hotword list.</summary>
        [CommandOption("--hotwords <FILE>")]
        [Description("Hotword list: one phrase a line, optional ' :BOOST'")]
        public string Hotwords { get; init; } = "";

        /// <summary>Beam of the biased decode.</summary>
        [CommandOption("--beam <N>")]
        [Description("Beam size of the biased decode (default 4)")]
        public int Beam { get; init; } = 4;

        /// <summary>Default boost.</summary>
        [CommandOption("--boost <SCORE>")]
        [Description("Bonus per hotword token for phrases without their own boost (default 3)")]
        public float Boost { get; init; } = 3f;

        /// <summary>List every utterance with a recognition error, not only those biasing changed.</summary>
        [CommandOption("--all")]
        [Description("Print every utterance either system got wrong, not only those whose text changed")]
        public bool All { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Hotwords.Length == 0)
        {
            throw new CliException("--hotwords FILE is required.");
        }

        bool mandarin = settings.Manifest.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);
        var utterances = mandarin
            ? [.. MandarinTestSets.Read(settings.Manifest, "tsv").Select(i => (i.AudioPath, i.Reference))]
            : SpeechManifest.Read(settings.Manifest);
        Func<string, string[]> normalise = mandarin ? CharacterErrorRate.Normalise : WordErrorRate.Normalise;
        if (mandarin)
        {
            settings.PreferMandarin();
        }

        var hotwords = HotwordList.Load(settings.Hotwords);
        string directory = Path.Combine(ModelDirectory.Locate(settings.Models), settings.Model);
        using var greedyModel = RecognizerModelLoader.Load(directory);
        using var model = RecognizerModelLoader.Load(directory, new RecognizerOptions
        {
            DecodingMethod = RecognizerOptions.ModifiedBeamSearch,
            BeamSize = settings.Beam,
            HotwordBoost = settings.Boost,
        });
        string[][] phrases = [.. hotwords.Select(h => normalise(h.Phrase))];
        var greedy = new HotwordScore(phrases, normalise);
        var plain = new HotwordScore(phrases, normalise);
        var biased = new HotwordScore(phrases, normalise);
        var rescored = new HotwordScore(phrases, normalise);
        var rescorer = new HotwordRescorer();
        string[] written = [.. hotwords.Select(h => h.Phrase)];
        using var greedyStream = greedyModel.CreateStream();
        using var plainStream = model.CreateStream();
        using var biasedStream = model.CreateStream(hotwords);
        foreach (var (audio, reference) in utterances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            float[] samples = Load16k(audio);
            greedy.Add(reference, Decode(greedyStream, samples));
            string before = Decode(plainStream, samples);
            string after = Decode(biasedStream, samples);
            plain.Add(reference, before);
            biased.Add(reference, after);
            string corrected = rescorer.Rescore(after, written).Text;
            rescored.Add(reference, corrected);
            if (before != corrected || (settings.All && !normalise(reference).SequenceEqual(normalise(before))))
            {
                Console.WriteLine($"{Path.GetFileName(audio)}\n  ref:    {reference}\n  beam:   {before}\n  biased: {after}\n  re-scored: {corrected}");
            }
        }

        Console.WriteLine($"model {model.Name}; {utterances.Count} utterances; {hotwords.Count} hotwords; beam {settings.Beam}, boost {settings.Boost}");
        Console.WriteLine(mandarin ? "system   hotword_recall        inserted  CER      CER_other_characters" : "system   hotword_recall        inserted  WER      WER_other_words");
        Print("greedy", greedy);
        Print("beam", plain);
        Print("biased", biased);
        Print("rescored", rescored);
        return 0;
    }

    private static void Print(string name, HotwordScore s) => Console.WriteLine(
        $"{name,-8} {s.Recall,6:P1} ({s.HotwordsRecognised}/{s.HotwordsInReference}){"",4} {s.HotwordsInserted,8}  {s.WordErrorRate,6:P2}   {s.OtherWordErrorRate,6:P2} ({s.OtherErrors}/{s.OtherWords})");

    private static string Decode(IRecognitionStream stream, float[] samples)
    {
        stream.AcceptAudio(samples);
        return stream.Finish().Text;
    }

    private static float[] Load16k(string path)
    {
        var (samples, rate) = WavReader.ReadAllMono(path);
        return rate == AudioFrame.SampleRate ? samples : Resampler.Resample(samples, rate, AudioFrame.SampleRate);
    }
}

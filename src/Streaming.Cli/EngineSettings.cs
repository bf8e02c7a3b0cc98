using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.Asr.Vad;
using Streaming.Pipeline;

namespace Streaming.Cli;

/// <summary>Options shared by the commands that load the recognition engine.</summary>
public class EngineSettings : CommandSettings
{
    /// <summary>Models folder.</summary>
    [CommandOption("--models <DIR>")]
    [Description("Models folder (default: the nearest models/ with a manifest.json)")]
    public string? Models { get; init; }

    /// <summary>Recogniser folder under the models folder.</summary>
    [CommandOption("--model <NAME>")]
    [Description("Recogniser folder under the models folder (default moonshine-tiny-en)")]
    public string Model { get; init; } = "moonshine-tiny-en";

    /// <summary>Language for ITN.</summary>
    [CommandOption("--lang <LANG>")]
    [Description("Language of the model's output for ITN: en, zh or auto (default en)")]
    public string Language { get; init; } = "en";

    /// <summary>Beam size; 0 or 1 means greedy search.</summary>
    [CommandOption("--beam <N>")]
    [Description("Modified beam search with this beam (transducer models); default greedy search")]
    public int Beam { get; init; }

    /// <summary>Milliseconds of new speech between partial hypotheses.</summary>
    [CommandOption("--partial-ms <MS>")]
    [Description("New speech between partial hypotheses (default 480)")]
    public int PartialMs { get; init; } = 480;

    /// <summary>Loads the engine these settings describe.</summary>
    public SpeechEngine LoadEngine() => SpeechEngine.Load(
        new SpeechEngineOptions
        {
            ModelsDirectory = Models,
            Recognizer = Model,
            Language = Language,
            DecodingMethod = Beam > 1 ? "modified_beam_search" : "greedy_search",
            BeamSize = Math.Max(1, Beam),
        },
        new VadOptions(),
        new PipelineOptions { PartialIntervalMs = PartialMs });
}

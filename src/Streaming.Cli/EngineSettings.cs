using System.ComponentModel;
using Spectre.Console.Cli;
using Streaming.Asr;
using Streaming.Asr.Endpointing;
using Streaming.Asr.Vad;
using Streaming.Inference;
using Streaming.Inference.Devices;
using Streaming.Pipeline;
using Streaming.Pipeline.Models;

namespace Streaming.Cli;

/// <summary>Options shared by the commands that load the recognition engine.</summary>
public class EngineSettings : ModelSettings
{
    /// <summary>Language spoken, which must be one the model serves; it picks the ITN grammar.</summary>
    [CommandOption("--lang <LANG>")]
    [Description("Language spoken: en, zh or auto (default auto: the model's own language; en for a model outside models/manifest.json)")]
    public string Language { get; init; } = ModelResolver.Auto;

    /// <summary>Beam size; 0 or 1 means greedy search.</summary>
    [CommandOption("--beam <N>")]
    [Description("Modified beam search with this beam; default greedy search")]
    public int Beam { get; init; }

    /// <summary>Milliseconds of new speech between partial hypotheses.</summary>
    [CommandOption("--partial-ms <MS>")]
    [Description("New speech between partial hypotheses of re-decoding models (default 480); the transducer sends one per encoder chunk")]
    public int PartialMs { get; init; } = 480;

    /// <summary>Share of real time partial re-decoding may use.</summary>
    [CommandOption("--partial-load <PCT>")]
    [Description("Percent of real time a session's partial re-decoding may use before partials are spaced out (default 50)")]
    public int PartialLoadPercent { get; init; } = 50;

    /// <summary>Silence after speech that ends an utterance.</summary>
    [CommandOption("--trailing-silence-ms <MS>")]
    [Description("Silence after speech that ends an utterance (default 500)")]
    public int? TrailingSilenceMs { get; init; }

    /// <summary>Longest utterance before a forced cut.</summary>
    [CommandOption("--max-utterance-ms <MS>")]
    [Description("Utterances are cut into finals at this length, at the quietest point of the last second (default 20000)")]
    public int? MaxUtteranceMs { get; init; }

    /// <summary>Inference device.</summary>
    [CommandOption("--device <DEVICE>")]
    [Description("Inference device: cpu (default), cuda[[:N]], npu[[:N]] (the AscendCL simulator where CANN is absent) or auto")]
    public string Device { get; init; } = "cpu";

    /// <summary>Ascend pool size.</summary>
    [CommandOption("--pool <N>")]
    [Description("With an npu device: contexts/streams in the Ascend pool, the most calls in flight at once (default 4)")]
    public int Pool { get; init; } = 4;

    /// <summary>The language and model that serve this run, once <see cref="LoadEngine"/> has succeeded.</summary>
    public ModelChoice Choice { get; private set; } = new("en", "");

    /// <summary>Loads the engine these settings describe; a setting the model cannot honour is a user error.</summary>
    public SpeechEngine LoadEngine()
    {
        if (Beam < 0)
        {
            throw new CliException($"--beam must be 0 (greedy) or a positive beam size, got {Beam}.");
        }

        var endpoint = new EndpointOptions().With(TrailingSilenceMs, MaxUtteranceMs);
        IAcousticBackend backend;
        try
        {
            // A tool run asked for this device by name, so the simulator counts as an NPU here.
            backend = BackendFactory.Create(
                new InferenceOptions { Device = Device, AllowAscendSimulator = true, AscendPoolSize = Pool },
                Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        }
        catch (Exception ex) when (ex is ArgumentException or DeviceUnavailableException)
        {
            throw new CliException($"--device {Device}: {ex.Message}");
        }

        try
        {
            var declared = Language == ModelResolver.Auto ? "en" : Language;
            var engine = SpeechEngine.Load(
                new SpeechEngineOptions
                {
                    ModelsDirectory = Models,
                    Models = [Model],
                    DefaultModel = [],
                    DefaultLanguage = declared,
                    ModelLanguages = new() { [Path.GetFileName(Path.TrimEndingDirectorySeparator(Model))] = declared },
                    DecodingMethod = Beam > 1 ? RecognizerOptions.ModifiedBeamSearch : RecognizerOptions.GreedySearch,
                    BeamSize = Math.Max(1, Beam),
                },
                new VadOptions(),
                new PipelineOptions { PartialIntervalMs = PartialMs, PartialLoadPercent = PartialLoadPercent, Endpoint = endpoint },
                backend: backend,
                ownsBackend: true);
            try
            {
                Choice = engine.Models.Resolve(Language, Path.GetFileName(Path.TrimEndingDirectorySeparator(Model)));
            }
            catch
            {
                engine.Dispose();
                throw;
            }

            return engine;
        }
        catch (NotSupportedException ex)
        {
            backend.Dispose();
            throw new CliException($"--beam {Beam} cannot be used with model '{Model}': {ex.Message}");
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }
}

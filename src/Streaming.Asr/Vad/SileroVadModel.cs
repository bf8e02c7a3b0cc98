using Streaming.Inference;
using Streaming.Inference.OnnxRuntime;

namespace Streaming.Asr.Vad;

/// <summary>
/// The Silero VAD graph, loaded once on a backend and shared by every stream. Loaded graphs are safe to
/// run concurrently, so all recurrent state lives in <see cref="SileroVadStream"/>, one per stream.
/// </summary>
public sealed class SileroVadModel : IDisposable
{
    internal const int StateSize = 2 * 1 * 128;

    private readonly IAcousticModel _model;

    /// <summary>Loads the model from <paramref name="modelPath"/> on <paramref name="backend"/> (the shared CPU backend when null).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a Silero VAD v5/v6 graph.</exception>
    public SileroVadModel(string modelPath, IAcousticBackend? backend = null)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"Silero VAD model not found at '{modelPath}'.", modelPath);
        }

        Backend = backend ?? OnnxRuntimeBackend.SharedCpu;
        _model = Backend.LoadModel(modelPath);
        string[] expectedInputs = ["input", "state", "sr"];
        string[] expectedOutputs = ["output", "stateN"];
        if (expectedInputs.Any(n => !_model.InputNames.Contains(n)) || expectedOutputs.Any(n => !_model.OutputNames.Contains(n)))
        {
            var found = string.Join(", ", _model.InputNames) + " -> " + string.Join(", ", _model.OutputNames);
            _model.Dispose();
            throw new InvalidDataException(
                $"'{modelPath}' is not a Silero VAD v5/v6 model: expected inputs input, state, sr and outputs output, stateN; found {found}.");
        }
    }

    /// <summary>The backend the graph runs on.</summary>
    public IAcousticBackend Backend { get; }

    /// <summary>Where the bundled model sits inside a models folder.</summary>
    public static string BundledPath(string modelsDirectory) => Path.Combine(modelsDirectory, "vad", "silero_vad.onnx");

    /// <summary>Creates the per-stream state for audio at <paramref name="sampleRate"/> (8000 or 16000).</summary>
    public SileroVadStream CreateStream(int sampleRate) => new(this, sampleRate);

    internal IAcousticModel Model => _model;

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}

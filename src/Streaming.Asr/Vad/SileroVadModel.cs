using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr.Vad;

/// <summary>
/// The Silero VAD ONNX graph, loaded once and shared by every stream. ONNX Runtime sessions are safe to
/// run concurrently, so all recurrent state lives in <see cref="SileroVadStream"/>, one per stream.
/// </summary>
public sealed class SileroVadModel : IDisposable
{
    internal const int StateSize = 2 * 1 * 128;

    private readonly InferenceSession _session;

    /// <summary>Loads the model from <paramref name="modelPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a Silero VAD v5/v6 graph.</exception>
    public SileroVadModel(string modelPath, int intraOpThreads = 1)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"Silero VAD model not found at '{modelPath}'.", modelPath);
        }

        // One thread per run: VAD windows are tiny, and many streams run in parallel instead.
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"'{modelPath}' is not a loadable ONNX model: {ex.Message}", ex);
        }

        string[] expectedInputs = ["input", "state", "sr"];
        string[] expectedOutputs = ["output", "stateN"];
        if (expectedInputs.Any(n => !_session.InputMetadata.ContainsKey(n))
            || expectedOutputs.Any(n => !_session.OutputMetadata.ContainsKey(n)))
        {
            var found = string.Join(", ", _session.InputMetadata.Keys) + " -> " + string.Join(", ", _session.OutputMetadata.Keys);
            _session.Dispose();
            throw new InvalidDataException(
                $"'{modelPath}' is not a Silero VAD v5/v6 model: expected inputs input, state, sr and outputs output, stateN; found {found}.");
        }
    }

    /// <summary>Where the bundled model sits inside a models folder.</summary>
    public static string BundledPath(string modelsDirectory) => Path.Combine(modelsDirectory, "vad", "silero_vad.onnx");

    /// <summary>Creates the per-stream state for audio at <paramref name="sampleRate"/> (8000 or 16000).</summary>
    public SileroVadStream CreateStream(int sampleRate) => new(this, sampleRate);

    internal InferenceSession Session => _session;

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}

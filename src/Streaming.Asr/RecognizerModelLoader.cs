using Streaming.Asr.Moonshine;
using Streaming.Asr.Transducer;
using Streaming.Inference;

namespace Streaming.Asr;

/// <summary>Loads a recognition model, detecting its layout from the files in the directory.</summary>
public static class RecognizerModelLoader
{
    /// <summary>
    /// Loads Moonshine (<c>encoder_model.onnx</c>, <c>decoder_model_merged.onnx</c>, <c>vocab.txt</c>) or a
    /// sherpa-onnx streaming transducer (<c>encoder*.onnx</c>, <c>decoder*.onnx</c>, <c>joiner*.onnx</c>,
    /// <c>tokens.txt</c>), on <paramref name="backend"/> (the shared CPU backend when null).
    /// </summary>
    /// <exception cref="InvalidDataException">The directory is missing or holds neither layout.</exception>
    public static IRecognizerModel Load(string modelDirectory, RecognizerOptions? options = null, IAcousticBackend? backend = null)
    {
        if (!Directory.Exists(modelDirectory))
        {
            throw new InvalidDataException($"Model directory '{modelDirectory}' does not exist.");
        }

        if (IsMoonshine(modelDirectory))
        {
            return MoonshineModel.Load(modelDirectory, options, backend);
        }

        if (TransducerModelFiles.TryFind(modelDirectory, out var files, out string? problem))
        {
            return TransducerModel.Load(files, options, backend);
        }

        string present = string.Join(", ", Directory.EnumerateFiles(modelDirectory).Select(Path.GetFileName).Order());
        throw new InvalidDataException(
            $"Model directory '{modelDirectory}' holds no recognised model. Expected either Moonshine " +
            $"({MoonshineModel.EncoderFile}, {MoonshineModel.DecoderFile}, {MoonshineModel.VocabularyFile}) or a " +
            $"sherpa-onnx transducer (encoder*.onnx, decoder*.onnx, joiner*.onnx, tokens.txt). " +
            $"{problem} Found: [{present}].");
    }

    private static bool IsMoonshine(string directory) =>
        File.Exists(Path.Combine(directory, MoonshineModel.EncoderFile))
        && File.Exists(Path.Combine(directory, MoonshineModel.DecoderFile))
        && File.Exists(Path.Combine(directory, MoonshineModel.VocabularyFile));
}

using Microsoft.ML.OnnxRuntime;

namespace Streaming.Asr;

/// <summary>Opens ONNX Runtime sessions with the settings every model here shares.</summary>
internal static class OnnxSessionFactory
{
    public static InferenceSession Open(string path, RecognizerOptions options)
    {
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Many sessions share few cores: spinning idle threads would steal CPU from the other streams.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(path, sessionOptions);
    }
}

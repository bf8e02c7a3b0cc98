using Streaming.Inference.Devices;

namespace Streaming.Inference;

/// <summary>
/// A place graphs run: ONNX Runtime on CPU or CUDA, or an Ascend NPU through the native shim. Loads
/// models and reports and manages its device's memory.
/// </summary>
public interface IAcousticBackend : IDisposable
{
    /// <summary>Device name as configured: <c>cpu</c>, <c>cuda:0</c>, <c>npu:0</c>.</summary>
    string Name { get; }

    /// <summary>Kind of device.</summary>
    DeviceKind Kind { get; }

    /// <summary>What runs the graphs, for people: "ONNX Runtime (CPU)", "AscendCL simulator (CPU)" and so on.</summary>
    string Runtime { get; }

    /// <summary>
    /// Loads a graph given as its ONNX file; a backend that needs another format (Ascend: <c>.om</c>) looks for
    /// it beside the ONNX file.
    /// </summary>
    /// <exception cref="FileNotFoundException">The model file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is not a loadable model.</exception>
    IAcousticModel LoadModel(string onnxPath);

    /// <summary>Memory and utilisation now.</summary>
    DeviceStatus GetStatus();

    /// <summary>Gives cached device memory (arenas, pooled buffers) back; running calls are not disturbed.</summary>
    void ReleaseCache();
}

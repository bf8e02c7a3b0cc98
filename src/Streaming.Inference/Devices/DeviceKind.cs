namespace Streaming.Inference.Devices;

/// <summary>Kinds of device a backend runs on.</summary>
public enum DeviceKind
{
    /// <summary>Pick the best available: npu, then cuda, then cpu.</summary>
    Auto,

    /// <summary>ONNX Runtime on the CPU.</summary>
    Cpu,

    /// <summary>ONNX Runtime's CUDA execution provider.</summary>
    Cuda,

    /// <summary>Huawei Ascend through AscendCL.</summary>
    Npu,
}

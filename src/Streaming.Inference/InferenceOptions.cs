using Streaming.Inference.Devices;

namespace Streaming.Inference;

/// <summary>Backend settings, bound from the <c>Inference</c> configuration section and validated at start-up.</summary>
public sealed class InferenceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Inference";

    /// <summary><c>auto</c> (npu → cuda → cpu), <c>cpu</c>, <c>cuda[:N]</c> or <c>npu[:N]</c>.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>What to do when an explicitly configured cuda or npu device is unavailable.</summary>
    public DeviceFallback Fallback { get; set; } = DeviceFallback.Fail;

    /// <summary>
    /// ONNX Runtime intra-op threads per run; 0 means one per core. One suits a server, where many streams
    /// run side by side and each would otherwise spread over every core.
    /// </summary>
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Whether ONNX Runtime keeps a CPU memory arena (faster reuse; give it back with release-cache).</summary>
    public bool CpuMemoryArena { get; set; } = true;

    /// <summary>Folder for ONNX Runtime's optimised graphs, reused on later starts; null disables the cache.</summary>
    public string? OptimizedModelCacheDirectory { get; set; }

    /// <summary>Ascend contexts/streams in the pool: the most NPU calls in flight at once.</summary>
    public int AscendPoolSize { get; set; } = 4;

    /// <summary>
    /// Whether <c>auto</c> may pick the AscendCL simulator (built when CANN is absent). Off in production: the
    /// simulator runs on the CPU and is only for tests and benchmarks.
    /// </summary>
    public bool AllowAscendSimulator { get; set; }

    /// <summary>
    /// Further devices a session may choose instead of <see cref="Device"/> (for example <c>cpu</c> beside an
    /// <c>npu:0</c> default); each gets its own copy of the models. Empty: every session uses <see cref="Device"/>.
    /// </summary>
    public string[] SelectableDevices { get; set; } = [];

    /// <summary>The parsed <see cref="Device"/>.</summary>
    public DeviceSpec DeviceSpec => DeviceSpec.Parse(Device);

    /// <summary>Threads ONNX Runtime should use per session.</summary>
    public int EffectiveIntraOpThreads => IntraOpThreads == 0 ? Environment.ProcessorCount : IntraOpThreads;

    /// <summary>These options with <see cref="Device"/> set to <paramref name="device"/> and no selectable devices.</summary>
    public InferenceOptions For(string device)
    {
        // A member-wise copy keeps every other setting, including ones added later.
        var options = (InferenceOptions)MemberwiseClone();
        options.Device = device;
        options.SelectableDevices = [];
        return options;
    }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range, with its name.</exception>
    public void Validate()
    {
        _ = DeviceSpec;
        foreach (string device in SelectableDevices)
        {
            if (Devices.DeviceSpec.Parse(device).Kind == DeviceKind.Auto)
            {
                throw new ArgumentException($"{SectionName}:{nameof(SelectableDevices)} must name devices (cpu, cuda:N, npu:N), not auto.");
            }
        }

        if (IntraOpThreads < 0)
        {
            throw new ArgumentException($"{SectionName}:{nameof(IntraOpThreads)} must be 0 (one per core) or positive, not {IntraOpThreads}.");
        }

        if (AscendPoolSize is < 1 or > 256)
        {
            throw new ArgumentException($"{SectionName}:{nameof(AscendPoolSize)} must be between 1 and 256, not {AscendPoolSize}.");
        }

        if (!Enum.IsDefined(Fallback))
        {
            throw new ArgumentException($"{SectionName}:{nameof(Fallback)} must be Fail or Cpu.");
        }
    }
}

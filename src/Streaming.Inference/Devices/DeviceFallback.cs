namespace Streaming.Inference.Devices;

/// <summary>What to do when an explicitly configured accelerator is unavailable.</summary>
public enum DeviceFallback
{
    /// <summary>Refuse to start, with the reason.</summary>
    Fail,

    /// <summary>Log a warning with the reason and run on the CPU.</summary>
    Cpu,
}

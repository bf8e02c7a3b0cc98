using System.Globalization;

namespace Streaming.Inference.Devices;

/// <summary>A device as written in configuration or on the command line: <c>auto</c>, <c>cpu</c>, <c>cuda[:N]</c>, <c>npu[:N]</c>.</summary>
public readonly record struct DeviceSpec(DeviceKind Kind, int Index)
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">Not one of the accepted forms.</exception>
    public static DeviceSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim().ToLowerInvariant();
        int colon = trimmed.IndexOf(':');
        string kindText = colon < 0 ? trimmed : trimmed[..colon];
        int index = 0;
        if (colon >= 0 && !int.TryParse(trimmed[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            throw new ArgumentException($"Device '{text}': the index after ':' must be a non-negative integer (e.g. cuda:1).", nameof(text));
        }

        var kind = kindText switch
        {
            "auto" when colon < 0 => DeviceKind.Auto,
            "cpu" when colon < 0 => DeviceKind.Cpu,
            "cuda" or "gpu" => DeviceKind.Cuda,
            "npu" or "ascend" => DeviceKind.Npu,
            _ => throw new ArgumentException($"Unknown device '{text}': use auto, cpu, cuda[:N] or npu[:N].", nameof(text)),
        };
        return new DeviceSpec(kind, index);
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        DeviceKind.Auto => "auto",
        DeviceKind.Cpu => "cpu",
        DeviceKind.Cuda => $"cuda:{Index}",
        _ => $"npu:{Index}",
    };
}

using Microsoft.Extensions.Logging;
using Streaming.Inference.Ascend;
using Streaming.Inference.OnnxRuntime;

namespace Streaming.Inference.Devices;

/// <summary>
/// Opens the configured backend. <c>auto</c> tries npu, then cuda, then cpu and logs why each was passed
/// over; an explicit accelerator that is unavailable fails or falls back to CPU per <see cref="InferenceOptions.Fallback"/>.
/// </summary>
public static class BackendFactory
{
    /// <summary>Creates the backend <paramref name="options"/> ask for.</summary>
    /// <exception cref="DeviceUnavailableException">An explicit device is unavailable and the fallback is <see cref="DeviceFallback.Fail"/>.</exception>
    public static IAcousticBackend Create(InferenceOptions options, ILogger logger)
    {
        options.Validate();
        var device = options.DeviceSpec;
        if (device.Kind == DeviceKind.Auto)
        {
            return Detect(options, logger);
        }

        if (device.Kind == DeviceKind.Cpu)
        {
            return OnnxRuntimeBackend.CreateCpu(options, logger);
        }

        try
        {
            return Open(device, options, logger);
        }
        catch (DeviceUnavailableException ex) when (options.Fallback == DeviceFallback.Cpu)
        {
            logger.LogWarning("Device {Device} unavailable, falling back to cpu as configured: {Reason}", device, ex.Message);
            return OnnxRuntimeBackend.CreateCpu(options, logger);
        }
    }

    /// <summary>
    /// The configured device followed by each of <see cref="InferenceOptions.SelectableDevices"/> (same fallback
    /// rules; a device that resolves to one already open is skipped).
    /// </summary>
    /// <exception cref="DeviceUnavailableException">A device is unavailable and the fallback is <see cref="DeviceFallback.Fail"/>.</exception>
    public static IReadOnlyList<IAcousticBackend> CreateAll(InferenceOptions options, ILogger logger)
    {
        var backends = new List<IAcousticBackend> { Create(options, logger) };
        try
        {
            foreach (string device in options.SelectableDevices)
            {
                var backend = Create(options.For(device), logger);
                if (backends.Any(b => b.Name == backend.Name))
                {
                    backend.Dispose();
                    logger.LogInformation("Selectable device {Device} is already open as {Name}", device, backend.Name);
                    continue;
                }

                backends.Add(backend);
            }
        }
        catch
        {
            backends.ForEach(b => b.Dispose());
            throw;
        }

        return backends;
    }

    private static IAcousticBackend Open(DeviceSpec device, InferenceOptions options, ILogger logger) => device.Kind switch
    {
        DeviceKind.Cuda => OnnxRuntimeBackend.CreateCuda(device.Index, options, logger),
        _ => AscendBackend.Create(device.Index, options.AscendPoolSize, logger),
    };

    private static IAcousticBackend Detect(InferenceOptions options, ILogger logger)
    {
        var reasons = new List<string>();
        try
        {
            var (count, simulator) = AscendBackend.Probe();
            if (count == 0)
            {
                reasons.Add("npu: AscendCL reports no device");
            }
            else if (simulator && !options.AllowAscendSimulator)
            {
                reasons.Add("npu: only the AscendCL simulator is present (set AllowAscendSimulator to use it)");
            }
            else
            {
                logger.LogInformation("Device auto-selection: npu:0 ({Runtime})", simulator ? "AscendCL simulator" : "CANN");
                return AscendBackend.Create(0, options.AscendPoolSize, logger);
            }
        }
        catch (DeviceUnavailableException ex)
        {
            reasons.Add(ex.Message);
        }

        try
        {
            var backend = OnnxRuntimeBackend.CreateCuda(0, options, logger);
            logger.LogInformation("Device auto-selection: cuda:0 ({Skipped})", string.Join("; ", reasons));
            return backend;
        }
        catch (DeviceUnavailableException ex)
        {
            reasons.Add(ex.Message);
        }

        logger.LogInformation("Device auto-selection: cpu, because {Reasons}", string.Join("; ", reasons));
        return OnnxRuntimeBackend.CreateCpu(options, logger);
    }
}

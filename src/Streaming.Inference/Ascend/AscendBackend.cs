using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Streaming.Inference.Devices;

namespace Streaming.Inference.Ascend;

/// <summary>
/// Huawei Ascend NPU through the native shim (<c>libstreaming_ascend.so</c>) over AscendCL. Models are
/// <c>.om</c> files converted from the ONNX graphs (see models/README.md); where the shim was built against
/// the AscendCL simulator, the simulator runs the ONNX graph itself. Calls lease one context/stream of a
/// pool, so at most <see cref="InferenceOptions.AscendPoolSize"/> run at once.
/// </summary>
public sealed unsafe class AscendBackend : IAcousticBackend
{
    // Status queries closer together than this report the previous figure instead of a noisy one.
    private static readonly TimeSpan UtilisationWindow = TimeSpan.FromSeconds(1);

    private readonly IntPtr _pool;
    private readonly ILogger _logger;
    private readonly Lock _statusLock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<AscendModel> _models = [];
    private ulong _lastBusyNanoseconds;
    private TimeSpan _lastWall;
    private double? _lastUtilisation;
    private bool _disposed;

    private AscendBackend(int deviceIndex, IntPtr pool, int poolSize, bool isSimulator, ILogger logger)
    {
        Name = $"npu:{deviceIndex}";
        _pool = pool;
        _logger = logger;
        IsSimulator = isSimulator;
        Pool = new AscendStreamPool(pool, poolSize);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public DeviceKind Kind => DeviceKind.Npu;

    /// <inheritdoc />
    public string Runtime => IsSimulator ? "AscendCL simulator (runs on the CPU; for tests)" : "Huawei CANN (AscendCL)";

    /// <summary>Whether AscendCL is the simulator (a CPU stand-in for tests), not CANN on an NPU.</summary>
    public bool IsSimulator { get; }

    internal AscendStreamPool Pool { get; }

    internal IntPtr Handle => _pool;

    /// <summary>Whether an AscendCL runtime (CANN or the simulator) is present, how many devices it has, and which it is.</summary>
    /// <exception cref="DeviceUnavailableException">The shim or AscendCL cannot be loaded or initialised.</exception>
    public static (uint DeviceCount, bool IsSimulator) Probe()
    {
        byte* error = stackalloc byte[AscendNative.ErrorCapacity];
        error[0] = 0;
        try
        {
            int code = AscendNative.Probe(out uint count, out int simulator, error, AscendNative.ErrorCapacity);
            if (code != AscendNative.Ok)
            {
                throw new DeviceUnavailableException($"npu: AscendCL is unusable: {AscendNative.Message(new ReadOnlySpan<byte>(error, AscendNative.ErrorCapacity))}");
            }

            return (count, simulator != 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new DeviceUnavailableException(
                $"npu: the Ascend shim libstreaming_ascend.so or libascendcl.so could not be loaded (is CANN installed and set_env.sh sourced?): {ex.Message}", ex);
        }
    }

    /// <summary>Opens device <paramref name="deviceIndex"/> with a pool of <paramref name="poolSize"/> contexts/streams.</summary>
    /// <exception cref="DeviceUnavailableException">No such device, or AscendCL failed to initialise it.</exception>
    public static AscendBackend Create(int deviceIndex, int poolSize, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        var (count, simulator) = Probe();
        if (deviceIndex >= count)
        {
            throw new DeviceUnavailableException($"npu:{deviceIndex}: AscendCL reports {count} device(s).");
        }

        byte* error = stackalloc byte[AscendNative.ErrorCapacity];
        error[0] = 0;
        int code = AscendNative.PoolCreate(deviceIndex, poolSize, out IntPtr pool, error, AscendNative.ErrorCapacity);
        if (code != AscendNative.Ok)
        {
            throw new DeviceUnavailableException($"npu:{deviceIndex}: {AscendNative.Message(new ReadOnlySpan<byte>(error, AscendNative.ErrorCapacity))}");
        }

        if (simulator)
        {
            // Asked for by name, so it is honoured, but nobody should mistake it for an accelerator.
            logger.LogWarning(
                "npu:{Index} is the AscendCL simulator (CANN was not found at build time): it runs on the CPU and is meant for tests and benchmarks", deviceIndex);
        }

        logger.LogInformation("Opened npu:{Index} ({Runtime}) with {PoolSize} contexts/streams", deviceIndex, simulator ? "AscendCL simulator" : "CANN", poolSize);
        return new AscendBackend(deviceIndex, pool, poolSize, simulator, logger);
    }

    /// <inheritdoc />
    public IAcousticModel LoadModel(string onnxPath)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        string path = IsSimulator ? onnxPath : Path.ChangeExtension(onnxPath, ".om");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                IsSimulator
                    ? $"Model not found at '{path}'."
                    : $"Ascend model '{path}' not found: convert '{onnxPath}' with ATC first (see models/README.md).",
                path);
        }

        byte* error = stackalloc byte[AscendNative.ErrorCapacity];
        error[0] = 0;
        int code = AscendNative.ModelLoad(_pool, path, out IntPtr handle, error, AscendNative.ErrorCapacity);
        if (code != AscendNative.Ok)
        {
            throw new InvalidDataException($"{Name}: cannot load '{path}': {AscendNative.Message(new ReadOnlySpan<byte>(error, AscendNative.ErrorCapacity))}");
        }

        var model = new AscendModel(this, handle, OnnxMetadataReader.Read(onnxPath));
        lock (_models)
        {
            _models.Add(model);
        }

        return model;
    }

    /// <inheritdoc />
    public DeviceStatus GetStatus()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte* error = stackalloc byte[AscendNative.ErrorCapacity];
        error[0] = 0;
        int code = AscendNative.Memory(_pool, out ulong free, out ulong total, error, AscendNative.ErrorCapacity);
        if (code != AscendNative.Ok)
        {
            throw new AscendException(code, $"{Name}: {AscendNative.Message(new ReadOnlySpan<byte>(error, AscendNative.ErrorCapacity))}");
        }

        var stats = Stats();
        double? utilisation;
        lock (_statusLock)
        {
            var wall = _clock.Elapsed;
            if (wall - _lastWall >= UtilisationWindow)
            {
                double capacity = (wall - _lastWall).TotalSeconds * 1e9 * stats.Slots;
                _lastUtilisation = Math.Clamp((stats.BusyNanoseconds - _lastBusyNanoseconds) / capacity, 0, 1);
                _lastBusyNanoseconds = stats.BusyNanoseconds;
                _lastWall = wall;
            }

            utilisation = _lastUtilisation;
        }

        return new DeviceStatus(Name, "npu", (long)(total - free), (long)total, utilisation);
    }

    /// <inheritdoc />
    public void ReleaseCache()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        byte* error = stackalloc byte[AscendNative.ErrorCapacity];
        error[0] = 0;
        int code = AscendNative.ReleaseCache(_pool, out ulong released, error, AscendNative.ErrorCapacity);
        if (code != AscendNative.Ok)
        {
            throw new AscendException(code, $"{Name}: {AscendNative.Message(new ReadOnlySpan<byte>(error, AscendNative.ErrorCapacity))}");
        }

        _logger.LogInformation("{Device}: released {Bytes} bytes of cached device buffers", Name, released);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_models)
        {
            foreach (var model in _models)
            {
                model.Dispose();
            }

            _models.Clear();
        }

        AscendNative.PoolDestroy(_pool);
    }

    internal AscendNative.PoolStats Stats()
    {
        AscendNative.Stats(_pool, out var stats);
        return stats;
    }

    internal void Forget(AscendModel model)
    {
        lock (_models)
        {
            _models.Remove(model);
        }
    }
}

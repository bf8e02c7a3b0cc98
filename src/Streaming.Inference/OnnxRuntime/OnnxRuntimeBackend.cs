using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Streaming.Inference.Devices;

namespace Streaming.Inference.OnnxRuntime;

/// <summary>
/// ONNX Runtime on the CPU, or on a GPU through the CUDA execution provider. Each loaded graph is one
/// session shared by every stream; sessions use one intra-op thread pool sized to the cores, no spinning,
/// and (CPU) an optimised graph cached on disk.
/// </summary>
public sealed class OnnxRuntimeBackend : IAcousticBackend
{
    private const string CudaProvider = "CUDAExecutionProvider";

    // Status queries closer together than this report the previous figure instead of a noisy one.
    private static readonly TimeSpan UtilisationWindow = TimeSpan.FromSeconds(1);

    private readonly InferenceOptions _options;
    private readonly ILogger _logger;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _statusLock = new();
    private TimeSpan _lastCpuTime = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan _lastWall;
    private double? _lastUtilisation;
    private int _releaseRequested;

    // Every use of ONNX Runtime goes through this class, so its environment (and log) is set up here first.
    static OnnxRuntimeBackend() => OnnxRuntimeLog.EnsureEnvironment();

    private OnnxRuntimeBackend(DeviceSpec device, InferenceOptions options, ILogger logger)
    {
        OnnxRuntimeLog.Attach(logger);
        Device = device;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => Device.ToString();

    /// <inheritdoc />
    public DeviceKind Kind => Device.Kind;

    /// <inheritdoc />
    public string Runtime => Kind == DeviceKind.Cuda ? "ONNX Runtime (CUDA execution provider)" : "ONNX Runtime (CPU)";

    /// <summary>The device this backend runs on.</summary>
    public DeviceSpec Device { get; }

    /// <summary>Whether this process's ONNX Runtime has the CUDA execution provider.</summary>
    public static bool CudaProviderAvailable => OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider);

    private static readonly Lazy<OnnxRuntimeBackend> s_sharedCpu = new(() => CreateCpu(new InferenceOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));

    /// <summary>A CPU backend with default options, for tools and tests that load models without configuring a device.</summary>
    public static OnnxRuntimeBackend SharedCpu => s_sharedCpu.Value;

    /// <summary>A CPU backend.</summary>
    public static OnnxRuntimeBackend CreateCpu(InferenceOptions options, ILogger logger) => new(new DeviceSpec(DeviceKind.Cpu, 0), options, logger);

    /// <summary>A CUDA backend on device <paramref name="index"/>.</summary>
    /// <exception cref="DeviceUnavailableException">The ONNX Runtime build has no CUDA provider, or the GPU cannot be opened.</exception>
    public static OnnxRuntimeBackend CreateCuda(int index, InferenceOptions options, ILogger logger)
    {
        if (!CudaProviderAvailable)
        {
            throw new DeviceUnavailableException(
                "cuda: this build's ONNX Runtime has no CUDA execution provider (it uses the CPU package). Build with " +
                "-p:OnnxRuntimeFlavor=Gpu (package Microsoft.ML.OnnxRuntime.Gpu.Linux) and install CUDA 12 and cuDNN 9.");
        }

        // Opening a provider is what finds a missing driver, library or GPU; do it now rather than at the first model.
        try
        {
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(index);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            throw new DeviceUnavailableException($"cuda:{index}: the CUDA execution provider could not open the GPU: {ex.Message}", ex);
        }

        return new OnnxRuntimeBackend(new DeviceSpec(DeviceKind.Cuda, index), options, logger);
    }

    /// <inheritdoc />
    public IAcousticModel LoadModel(string onnxPath)
    {
        if (!File.Exists(onnxPath))
        {
            throw new FileNotFoundException($"Model not found at '{onnxPath}'.", onnxPath);
        }

        string? cached = CachedGraphPath(onnxPath);
        if (cached is not null && File.Exists(cached))
        {
            try
            {
                return new OnnxRuntimeModel(this, OpenSession(cached, null));
            }
            catch (OnnxRuntimeException ex)
            {
                // A stale or torn cache file is rebuilt from the source graph.
                _logger.LogWarning(ex, "Cached optimised graph {Path} is unusable; rebuilding it", cached);
                File.Delete(cached);
            }
        }

        // The optimised graph is written under a name of its own and moved into place whole, so a server
        // starting beside this one never reads a half-written cache file.
        string? writing = cached is null ? null : $"{cached}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var model = new OnnxRuntimeModel(this, OpenSession(onnxPath, writing));
            if (writing is not null && File.Exists(writing))
            {
                File.Move(writing, cached!, overwrite: true);
                _logger.LogInformation("Cached the optimised graph of {Model} at {Path}, for this CPU's instruction set", Path.GetFileName(onnxPath), cached);
            }

            return model;
        }
        catch (OnnxRuntimeException ex) when (Kind == DeviceKind.Cuda)
        {
            // The CUDA provider loads its libraries and opens the GPU when the first session is created.
            throw new DeviceUnavailableException($"{Name}: ONNX Runtime could not open '{onnxPath}' with the CUDA execution provider: {ex.Message}", ex);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"'{onnxPath}' is not a loadable ONNX model on {Name}: {ex.Message}", ex);
        }
        finally
        {
            if (writing is not null && File.Exists(writing))
            {
                File.Delete(writing);
            }
        }
    }

    /// <inheritdoc />
    public DeviceStatus GetStatus()
    {
        if (Kind == DeviceKind.Cuda)
        {
            // ONNX Runtime exposes no GPU memory figures; NVML is not a dependency here.
            return new DeviceStatus(Name, "cuda", null, null, null);
        }

        using var process = Process.GetCurrentProcess();
        double? utilisation;
        lock (_statusLock)
        {
            var cpu = process.TotalProcessorTime;
            var wall = _clock.Elapsed;
            if (wall - _lastWall >= UtilisationWindow)
            {
                double elapsed = (wall - _lastWall).TotalSeconds * Environment.ProcessorCount;
                _lastUtilisation = Math.Clamp((cpu - _lastCpuTime).TotalSeconds / elapsed, 0, 1);
                _lastCpuTime = cpu;
                _lastWall = wall;
            }

            utilisation = _lastUtilisation;
        }

        return new DeviceStatus(Name, "cpu", process.WorkingSet64, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, utilisation);
    }

    /// <inheritdoc />
    public void ReleaseCache() => Interlocked.Exchange(ref _releaseRequested, 1);

    /// <inheritdoc />
    public void Dispose()
    {
        // Sessions belong to their models, which their owners dispose.
    }

    /// <summary>True once after <see cref="ReleaseCache"/>: the next run shrinks the arena.</summary>
    internal bool TakeReleaseRequest() => Interlocked.Exchange(ref _releaseRequested, 0) == 1;

    private InferenceSession OpenSession(string path, string? optimizedOutput)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = _options.EffectiveIntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableCpuMemArena = _options.CpuMemoryArena,
        };

        // Many streams share few cores: idle spinning threads would steal CPU from the other sessions.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (optimizedOutput is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(optimizedOutput)!);
            options.OptimizedModelFilePath = optimizedOutput;

            // ONNX Runtime warns that a fully optimised graph may only suit this CPU; the cache key includes
            // the instruction set for that reason, so the warning would only alarm whoever reads the log.
            options.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
        }

        if (Kind == DeviceKind.Cuda)
        {
            options.AppendExecutionProvider_CUDA(Device.Index);
        }

        return new InferenceSession(path, options);
    }

    /// <summary>Cache file of the optimised graph (CPU only: CUDA graphs hold device-specific kernels).</summary>
    private string? CachedGraphPath(string onnxPath)
    {
        if (_options.OptimizedModelCacheDirectory is null || Kind != DeviceKind.Cpu)
        {
            return null;
        }

        var file = new FileInfo(onnxPath);
        // Fully optimised graphs may hold kernels chosen for this CPU's instruction set, so that is part of the key.
        string cpu = $"{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}"
            + $"|{System.Runtime.Intrinsics.X86.Avx2.IsSupported}|{System.Runtime.Intrinsics.X86.Avx512F.IsSupported}|{System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported}";
        string key = $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}|{typeof(InferenceSession).Assembly.GetName().Version}|{cpu}";
        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16];
        return Path.Combine(_options.OptimizedModelCacheDirectory, $"{Path.GetFileNameWithoutExtension(onnxPath)}.{hash}.ort.onnx");
    }
}

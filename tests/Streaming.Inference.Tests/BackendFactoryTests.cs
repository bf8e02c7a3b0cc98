using System.Diagnostics.Metrics;
using Streaming.Inference.Ascend;
using Streaming.Inference.Devices;

namespace Streaming.Inference.Tests;

[Collection(AscendSimulatorCollection.Name)]
public sealed class BackendFactoryTests
{
    [Fact]
    public void Cuda_without_the_gpu_runtime_fails_with_how_to_get_it()
    {
        var error = Assert.Throws<DeviceUnavailableException>(
            () => BackendFactory.Create(new InferenceOptions { Device = "cuda:0", Fallback = DeviceFallback.Fail }, new ListLogger()));
        Assert.Contains("-p:OnnxRuntimeFlavor=Gpu", error.Message);
    }

    [Fact]
    public void Cuda_falls_back_to_cpu_when_configured_and_says_why()
    {
        var logger = new ListLogger();
        using var backend = BackendFactory.Create(new InferenceOptions { Device = "cuda", Fallback = DeviceFallback.Cpu }, logger);

        Assert.Equal(DeviceKind.Cpu, backend.Kind);
        Assert.Contains(logger.Lines, l => l.StartsWith("Warning") && l.Contains("falling back to cpu") && l.Contains("CUDA execution provider"));
    }

    [Fact]
    public void Auto_passes_over_the_simulator_and_missing_cuda_and_logs_the_reasons()
    {
        var logger = new ListLogger();
        using var backend = BackendFactory.Create(new InferenceOptions { Device = "auto" }, logger);

        Assert.Equal(DeviceKind.Cpu, backend.Kind);
        var line = Assert.Single(logger.Lines, l => l.Contains("auto-selection"));
        Assert.Contains("simulator", line);
        Assert.Contains("cuda", line);
    }

    [Fact]
    public void Auto_uses_the_simulator_when_allowed()
    {
        using var backend = BackendFactory.Create(new InferenceOptions { Device = "auto", AllowAscendSimulator = true, AscendPoolSize = 2 }, new ListLogger());

        var npu = Assert.IsType<AscendBackend>(backend);
        Assert.True(npu.IsSimulator);
        Assert.Equal("npu:0", npu.Name);
    }

    [Fact]
    public void Device_admin_reports_every_device_and_metrics_publish_their_memory()
    {
        using var cpu = BackendFactory.Create(new InferenceOptions { Device = "cpu" }, new ListLogger());
        using var npu = BackendFactory.Create(new InferenceOptions { Device = "npu:0" }, new ListLogger());
        var admin = new DeviceAdmin([cpu, npu], new ListLogger());
        using var metrics = new DeviceMetrics(admin);
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DeviceMetrics.MeterName && instrument.Name == "streaming.device.memory.total")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => seen[(string)tags[0].Value!] = value);
        listener.Start();

        var devices = admin.ReleaseCache();
        listener.RecordObservableInstruments();

        Assert.Equal(["cpu", "npu:0"], devices.Select(d => d.Name));
        Assert.All(devices, d => Assert.True(d.MemoryTotalBytes > 0 && d.MemoryUsedBytes >= 0));
        Assert.Equal(devices[1].MemoryTotalBytes, seen["npu:0"]);
        Assert.True(seen["cpu"] > 0);
    }
}

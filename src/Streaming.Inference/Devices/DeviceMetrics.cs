using System.Diagnostics.Metrics;

namespace Streaming.Inference.Devices;

/// <summary>
/// System.Diagnostics.Metrics gauges for device memory and utilisation, tagged with the device name, read
/// from <see cref="DeviceAdmin"/> whenever a listener collects.
/// </summary>
public sealed class DeviceMetrics : IDisposable
{
    /// <summary>Meter name to subscribe to (e.g. in OpenTelemetry's <c>AddMeter</c>).</summary>
    public const string MeterName = "Streaming.Inference";

    private readonly Meter _meter;

    /// <summary>Publishes gauges for the devices of <paramref name="admin"/>.</summary>
    public DeviceMetrics(DeviceAdmin admin)
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableGauge("streaming.device.memory.used", () => Measure(admin, s => s.MemoryUsedBytes), "By", "Device memory in use.");
        _meter.CreateObservableGauge("streaming.device.memory.total", () => Measure(admin, s => s.MemoryTotalBytes), "By", "Device memory available.");
        _meter.CreateObservableGauge(
            "streaming.device.utilization",
            () => admin.GetDevices().Where(s => s.Utilisation is not null)
                .Select(s => new Measurement<double>(s.Utilisation!.Value, new KeyValuePair<string, object?>("device", s.Name))),
            "1",
            "Busy fraction since the previous collection.");
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Measure(DeviceAdmin admin, Func<DeviceStatus, long?> pick) =>
        admin.GetDevices().Where(s => pick(s) is not null)
            .Select(s => new Measurement<long>(pick(s)!.Value, new KeyValuePair<string, object?>("device", s.Name)));
}

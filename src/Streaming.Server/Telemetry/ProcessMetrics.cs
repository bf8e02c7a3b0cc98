using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Streaming.Server.Hosting;

namespace Streaming.Server.Telemetry;

/// <summary>
/// Gauges of the server process, on the server's meter (<see cref="TelemetryOptions.MeterName"/>): resident
/// memory, managed heap, threads and handles, read at scrape time. The soak test samples them from
/// <c>/metrics</c> to tell a leak from a plateau.
/// </summary>
public sealed class ProcessMetrics
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Lock _refresh = new();

    /// <summary>Creates the gauges on a meter from <paramref name="meterFactory"/>.</summary>
    public ProcessMetrics(IMeterFactory meterFactory, IOptions<TelemetryOptions> options)
    {
        var meter = meterFactory.Create(options.Value.MeterName);
        meter.CreateObservableGauge("streaming.process.memory.rss", () => Environment.WorkingSet, "By", "Resident set size of the server process.");
        meter.CreateObservableGauge("streaming.process.gc.heap", () => GC.GetGCMemoryInfo().HeapSizeBytes, "By", "Managed heap size at the last garbage collection.");
        meter.CreateObservableGauge("streaming.process.threads", () => Fresh().Threads.Count, description: "Operating-system threads of the server process.");
        meter.CreateObservableGauge("streaming.process.handles", () => Fresh().HandleCount, description: "Open handles (file descriptors) of the server process.");
    }

    // Process caches its snapshot; one refresh per read keeps the figures current.
    private Process Fresh()
    {
        lock (_refresh)
        {
            _process.Refresh();
            return _process;
        }
    }
}

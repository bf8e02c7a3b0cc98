using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Streaming.Sip.Tests;

/// <summary>Sums the measurements of one ingress's instruments by instrument name and tag values.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricRecorder(SipIngress ingress)
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == ingress.Metrics.Meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            foreach (var tag in tags)
            {
                _totals.AddOrUpdate($"{instrument.Name}|{tag.Value}", value, (_, total) => total + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The total of <paramref name="instrument"/>, or of its measurements tagged <paramref name="tag"/>.</summary>
    public long Total(string instrument, string? tag = null) =>
        _totals.TryGetValue(tag is null ? instrument : $"{instrument}|{tag}", out var total) ? total : 0;

    public void Dispose() => _listener.Dispose();
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using Streaming.Server.WebRtc;
using Streaming.WebRtc;

namespace Streaming.FunctionalTests.WebRtc;

/// <summary>One server for the WHIP tests, with a short no-media timeout and its own UDP port range.</summary>
public sealed class WhipServer : IAsyncLifetime
{
    public const int NoMediaSeconds = 4;

    public TestServer Server { get; private set; } = null!;

    private readonly ConcurrentDictionary<string, long> _counts = new();
    private MeterListener? _listener;

    public WebRtcHost Host => (WebRtcHost)Server.Services.GetService(typeof(WebRtcHost))!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(new Dictionary<string, string?>
        {
            ["WebRtc:UdpPortMin"] = "41000",
            ["WebRtc:UdpPortMax"] = "41999",
            ["WebRtc:NoMediaTimeoutSeconds"] = NoMediaSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        // Listens to this server's own WebRTC meter instance. The Prometheus export can't be read here: the other
        // test servers of this process have meters of the same name, and when one of them is disposed the
        // exporter of this one drops the shared metric stream (a one-host-per-process server never sees this).
        var meter = ((WebRtcMetrics)Server.Services.GetService(typeof(WebRtcMetrics))!).Meter;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == meter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    reason = tag.Value as string;
                }
            }

            _counts.AddOrUpdate(Key(instrument.Name, reason), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>What this server's WebRTC counter <paramref name="name"/> has counted (with that reason, when given) since start.</summary>
    public long Count(string name, string? reason = null) => _counts.GetValueOrDefault(Key(name, reason));

    /// <summary>An HTTP client with a client token for <paramref name="subject"/>.</summary>
    public HttpClient Http(string subject)
    {
        var http = new HttpClient { BaseAddress = Server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.Tokens.Create(subject));
        return http;
    }

    public async Task DisposeAsync()
    {
        _listener?.Dispose();
        await Server.DisposeAsync();
    }

    private static string Key(string name, string? reason) => reason is null ? name : $"{name}/{reason}";
}

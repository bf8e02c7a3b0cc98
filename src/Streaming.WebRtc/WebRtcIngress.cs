using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Streaming.WebRtc.Dtls;
using Streaming.WebRtc.Sdp;

namespace Streaming.WebRtc;

/// <summary>
/// Our WHIP ingress: one DTLS certificate made at start, one UDP socket per publication from the configured
/// port range bound to the configured address only, at most <see cref="WebRtcOptions.MaxSessions"/> at once.
/// </summary>
public sealed class WebRtcIngress : IWhipIngress, IAsyncDisposable
{
    private readonly WebRtcOptions _options;
    private readonly ILogger _logger;
    private readonly DtlsCertificate _certificate = DtlsCertificate.Generate();
    private readonly ConcurrentDictionary<WhipConnection, bool> _connections = new();
    private readonly Lock _admission = new();
    private readonly WebRtcMetrics? _metrics;

    /// <summary>
    /// Validates <paramref name="options"/> (throws <see cref="ArgumentException"/>) and makes the certificate;
    /// publications report to <paramref name="metrics"/> when given.
    /// </summary>
    public WebRtcIngress(WebRtcOptions options, ILogger logger, WebRtcMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>SHA-256 fingerprint of the DTLS certificate, as the answers carry it.</summary>
    public string Fingerprint => _certificate.Fingerprint;

    /// <inheritdoc />
    public int Count => _connections.Count;

    /// <inheritdoc />
    public IWhipPublication Publish(string offerSdp, IWhipMediaSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var offer = SdpOffer.Parse(offerSdp);
        lock (_admission)
        {
            if (_connections.Count >= _options.MaxSessions)
            {
                throw new WhipCapacityException($"The server is at its limit of {_options.MaxSessions} WebRTC sessions; try again later.");
            }

            var connection = new WhipConnection(Bind(), offer, _certificate, sink, _options, _logger, c => _connections.TryRemove(c, out _), _metrics);
            _connections[connection] = true;
            return connection;
        }
    }

    // A free port of the range, tried from a random start so that ports are not reused at once.
    private Socket Bind()
    {
        var address = IPAddress.Parse(_options.BindAddress);
        var count = _options.UdpPortMax - _options.UdpPortMin + 1;
        var start = Random.Shared.Next(count);
        for (var i = 0; i < count; i++)
        {
            var port = _options.UdpPortMin + ((start + i) % count);
            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(address, port));
                return socket;
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }

        throw new WhipCapacityException($"No free UDP port in {_options.UdpPortMin}..{_options.UdpPortMax} on {address}.");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Keys)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}

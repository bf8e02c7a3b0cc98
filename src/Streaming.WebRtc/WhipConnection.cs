using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Tls;
using Streaming.WebRtc.Dtls;
using Streaming.WebRtc.Ice;
using Streaming.WebRtc.Rtp;
using Streaming.WebRtc.Sdp;
using Streaming.WebRtc.Srtp;

namespace Streaming.WebRtc;

/// <summary>
/// One publication on its own UDP socket: STUN, DTLS and SRTP demultiplexed by their first byte (RFC 7983),
/// ICE-lite answers, the DTLS-SRTP handshake on a thread of its own, SRTP unprotect and Opus hand-off, RTCP
/// receiver reports, and the consent / no-media watchdog. Media is taken only from the address that
/// passed an authenticated connectivity check.
/// </summary>
internal sealed class WhipConnection : IWhipPublication
{
    private const int OpusClockRate = 48000;
    private const int MaxEarlyPackets = 32;
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(2);

    private readonly Socket _socket;
    private readonly SdpOffer _offer;
    private readonly IWhipMediaSink _sink;
    private readonly WebRtcOptions _options;
    private readonly ILogger _logger;
    private readonly Action<WhipConnection> _removed;
    private readonly IceLiteResponder _ice;
    private readonly DtlsSrtpServer _dtlsServer;
    private readonly DtlsDatagramTransport _dtlsTransport;
    private readonly CancellationTokenSource _stop = new();
    private readonly ReceptionStatistics _reception = new(OpusClockRate);
    private readonly uint _reporterSsrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private readonly ITimer _watchdog;
    private readonly Task _receiving;
    private readonly Lock _reportLock = new();
    private readonly Queue<byte[]> _early = new();
    private volatile IPEndPoint? _remote;
    private volatile SrtpContext? _inbound;
    private volatile SrtpContext? _outbound;
    private long _lastConsentMs = Environment.TickCount64;
    private long _lastMediaMs = Environment.TickCount64;
    private long _lastReportMs;
    private int _ended;

    public WhipConnection(
        Socket socket, SdpOffer offer, DtlsCertificate certificate, IWhipMediaSink sink, WebRtcOptions options, ILogger logger, Action<WhipConnection> removed, WebRtcMetrics? metrics = null)
    {
        Statistics = new WhipStatistics(metrics);
        Statistics.Started();
        _socket = socket;
        _offer = offer;
        _sink = sink;
        _options = options;
        _logger = logger;
        _removed = removed;
        var credentials = IceCredentials.Generate();
        _ice = new IceLiteResponder(credentials, offer.IceUfrag);
        _dtlsServer = new DtlsSrtpServer(certificate, offer.FingerprintAlgorithm, offer.Fingerprint, InstallKeys);
        _dtlsTransport = new DtlsDatagramTransport(SendToPeer);
        var local = (IPEndPoint)socket.LocalEndPoint!;
        AnswerSdp = SdpAnswerBuilder.Build(
            offer, new IPEndPoint(options.CandidateAddress, local.Port), credentials.Ufrag, credentials.Pwd, certificate.Fingerprint,
            (ulong)RandomNumberGenerator.GetInt32(int.MaxValue));
        _watchdog = TimeProvider.System.CreateTimer(_ => Watch(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _ = Task.Factory.StartNew(Handshake, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <inheritdoc />
    public string AnswerSdp { get; }

    /// <inheritdoc />
    public WhipStatistics Statistics { get; }

    /// <summary>The local media port.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                // An ICMP port-unreachable from an earlier send; the socket itself is fine.
                continue;
            }

            try
            {
                Dispatch(buffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One bad datagram must not end the publication.
                Statistics.Drop();
                _logger.LogDebug(ex, "Dropped a datagram from {Source}", received.RemoteEndPoint);
            }
        }
    }

    // RFC 7983 §7: 0..3 STUN, 20..63 DTLS, 128..191 RTP/RTCP; anything else is dropped.
    private void Dispatch(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (datagram.IsEmpty)
        {
            Statistics.Drop();
            return;
        }

        switch (datagram[0])
        {
            case <= 3:
                OnStun(datagram, source);
                break;
            case >= 20 and <= 63 when source.Equals(_remote):
                Statistics.DtlsRecord();
                if (!_dtlsTransport.Enqueue(datagram))
                {
                    Statistics.Drop();
                }

                break;
            case >= 128 and <= 191 when source.Equals(_remote):
                OnMedia(datagram);
                break;
            default:
                Statistics.Drop();
                break;
        }
    }

    private void OnStun(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        var outcome = _ice.Handle(datagram, source);
        if (!outcome.Valid)
        {
            Statistics.StunRefused();
        }
        else
        {
            Statistics.StunAnswered();
            Interlocked.Exchange(ref _lastConsentMs, Environment.TickCount64);
            // The controlling agent's nomination picks the pair; before one, the first checked source serves.
            if (_remote is null || outcome.Nominated)
            {
                _remote = source;
            }
        }

        if (outcome.Response is { } response)
        {
            _socket.SendTo(response, source);
        }
    }

    private void OnMedia(ReadOnlySpan<byte> datagram)
    {
        var inbound = _inbound;
        if (inbound is null)
        {
            // The peer may send media the instant its side of the handshake is done, before ours is: keep a few.
            if (_early.Count < MaxEarlyPackets)
            {
                _early.Enqueue(datagram.ToArray());
            }
            else
            {
                Statistics.Drop();
            }

            return;
        }

        while (_early.TryDequeue(out var early))
        {
            Unprotect(inbound, early);
        }

        Unprotect(inbound, datagram);
    }

    private void Unprotect(SrtpContext inbound, ReadOnlySpan<byte> datagram)
    {
        var rtcp = RtpHeader.IsRtcp(datagram);
        var plain = rtcp ? inbound.UnprotectRtcp(datagram, out var failure) : inbound.UnprotectRtp(datagram, out failure);
        switch (failure)
        {
            case SrtpFailure.AuthenticationFailed:
                Statistics.AuthFailure();
                return;
            case SrtpFailure.Replayed:
                Statistics.Replay();
                return;
            case SrtpFailure.Malformed:
                Statistics.Drop();
                return;
        }

        var now = Environment.TickCount64;
        if (rtcp)
        {
            Statistics.Rtcp();
            if (RtcpReceiverReport.SenderReportNtp(plain) is { } ntp)
            {
                lock (_reportLock)
                {
                    _reception.RecordSenderReport(ntp, now);
                }
            }

            return;
        }

        if (RtpHeader.TryParse(plain) is not { } header || header.PayloadType != _offer.OpusPayloadType)
        {
            Statistics.Drop();
            return;
        }

        Statistics.Rtp();
        Interlocked.Exchange(ref _lastMediaMs, now);
        bool late;
        lock (_reportLock)
        {
            late = _reception.Record(header, now);
        }

        if (late)
        {
            Statistics.Reordered();
        }

        if (header.PayloadLength > 0)
        {
            _sink.OnOpus(plain.AsMemory(header.HeaderLength, header.PayloadLength));
        }
    }

    private void Handshake()
    {
        try
        {
            var transport = new DtlsServerProtocol().Accept(_dtlsServer, _dtlsTransport);
            _logger.LogInformation("DTLS-SRTP established with {Peer} ({Profile})", _remote, _dtlsServer.Profile!.Name);
            ServeDtls(transport);
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            _logger.LogInformation(ex, "DTLS handshake with {Peer} failed", _remote);
            End(WhipEndCodes.DtlsFailed, $"The DTLS-SRTP handshake failed: {ex.GetBaseException().Message}");
        }
        catch (Exception)
        {
            // Ended while the handshake ran.
        }
    }

    // Exported keying material: client key | server key | client salt | server salt (RFC 5764 §4.2).
    private void InstallKeys(SrtpProfile profile, byte[] keys)
    {
        var k = profile.KeyLength;
        var s = profile.SaltLength;
        _outbound = new SrtpContext(profile, keys[k..(2 * k)], keys[((2 * k) + s)..((2 * k) + (2 * s))]);
        _inbound = new SrtpContext(profile, keys[..k], keys[(2 * k)..((2 * k) + s)]);
    }

    // Keeps reading DTLS after the handshake so a lost final flight is retransmitted and close_notify is seen.
    private void ServeDtls(DtlsTransport transport)
    {
        var buffer = new byte[2048];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                transport.Receive(buffer, 0, buffer.Length, 1000);
            }
        }
        catch (TlsFatalAlertReceived ex) when (ex.AlertDescription == AlertDescription.close_notify)
        {
            End(null, "The peer closed the connection.");
        }
        catch (Exception ex) when (!_stop.IsCancellationRequested)
        {
            End(null, $"The peer closed the connection ({ex.GetBaseException().Message}).");
        }
        catch (Exception)
        {
            // Stopped.
        }
    }

    private void Watch()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastMediaMs) > _options.NoMediaTimeoutSeconds * 1000L)
        {
            End(WhipEndCodes.NoMedia, $"No audio arrived over WebRTC for {_options.NoMediaTimeoutSeconds} s; the session was ended.");
            return;
        }

        if (now - Interlocked.Read(ref _lastConsentMs) > _options.ConsentTimeoutSeconds * 1000L)
        {
            End(WhipEndCodes.ConsentExpired, $"The peer stopped answering ICE consent checks for {_options.ConsentTimeoutSeconds} s; the session was ended.");
            return;
        }

        SendReceiverReport(now);
    }

    private void SendReceiverReport(long now)
    {
        if (_outbound is not { } outbound || now - _lastReportMs < ReportInterval.TotalMilliseconds)
        {
            return;
        }

        byte[] report;
        lock (_reportLock)
        {
            if (_reception.Received == 0)
            {
                return;
            }

            report = RtcpReceiverReport.Build(_reporterSsrc, _reception, now);
        }

        _lastReportMs = now;
        SendToPeer(outbound.ProtectRtcp(report));
    }

    private void SendToPeer(ReadOnlyMemory<byte> datagram)
    {
        if (_remote is { } remote && !_stop.IsCancellationRequested)
        {
            try
            {
                _socket.SendTo(datagram.Span, remote);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // The peer went away; the watchdog ends the publication.
            }
        }
    }

    // Ends once: stops the socket and the handshake, tells the sink why (unless the server ended it).
    private void End(string? code, string message, bool notify = true)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            return;
        }

        long lost;
        lock (_reportLock)
        {
            lost = _reception.Lost;
        }

        Statistics.Ended(code ?? "normal", lost);
        _logger.LogInformation(
            "WebRTC publication from {Peer} ended ({Code}): {Rtp} RTP ({Lost} lost, {Reordered} reordered), {Rtcp} RTCP, {AuthFailures} SRTP authentication failures, {Replays} replays, {Dropped} dropped",
            _remote, code ?? "normal", Statistics.RtpPackets, lost, Statistics.RtpReordered, Statistics.RtcpPackets, Statistics.SrtpAuthFailures, Statistics.SrtpReplays, Statistics.Dropped);
        _stop.Cancel();
        _watchdog.Dispose();
        _dtlsTransport.Close();
        _socket.Dispose();
        _removed(this);
        if (notify)
        {
            _sink.OnEnded(code, message);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        End(null, "Ended by the server.", notify: false);
        await _receiving.ConfigureAwait(false);
        _inbound?.Dispose();
        _outbound?.Dispose();
    }
}

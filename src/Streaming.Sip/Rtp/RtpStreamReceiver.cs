using System.Net;
using System.Net.Sockets;
using Streaming.Sip.Sdp;

namespace Streaming.Sip.Rtp;

/// <summary>
/// Receives one negotiated RTP stream on its own port: validates each packet (RTP header, negotiated payload
/// type, the stream's SSRC, payload size), reorders through a <see cref="JitterBuffer"/>, decodes to 16 kHz and
/// hands interleaved samples to <c>deliver</c>. Only the trunk may send: packets from addresses other than the
/// signalling peer and the offer's media address are dropped. Hostile or stray packets are ignored and
/// counted, never fatal.
/// </summary>
internal sealed class RtpStreamReceiver : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly SipMetrics _metrics;
    private readonly int _maxPayload;
    private readonly Action<float[], int> _deliver;
    private readonly CancellationTokenSource _cts = new();
    private readonly Lock _lock = new();
    private readonly JitterBuffer _jitter;
    private readonly IPAddress _peer;
    private NegotiatedStream _stream;
    private IPayloadDecoder _decoder;
    private uint? _ssrc;
    private int _lastFrame = 320;
    private float[] _buffer = new float[16000];
    private Task _loop = Task.CompletedTask;

    public RtpStreamReceiver(Socket socket, NegotiatedStream stream, IPAddress peer, SipMetrics metrics, int jitterDepth, int maxPayload, Action<float[], int> deliver)
    {
        _socket = socket;
        _peer = peer;
        _stream = stream;
        _metrics = metrics;
        _maxPayload = maxPayload;
        _deliver = deliver;
        _jitter = new JitterBuffer(jitterDepth);
        _decoder = CreateDecoder(stream);
        LastPacketTicks = Environment.TickCount64;
    }

    /// <summary>Our RTP port.</summary>
    public int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Channels of the decoded audio.</summary>
    public int Channels => _decoder.Channels;

    /// <summary>When the last accepted packet arrived (or the stream was (re)configured), in <see cref="Environment.TickCount64"/> ms.</summary>
    public long LastPacketTicks { get; private set; }

    /// <summary>Whether the peer currently says it sends media on this stream.</summary>
    public bool ExpectsMedia
    {
        get
        {
            lock (_lock)
            {
                return _stream.PeerSends;
            }
        }
    }

    public void Start() => _loop = Task.Run(() => ReceiveAsync(_cts.Token));

    /// <summary>Applies a re-negotiation (re-INVITE): a new codec gets a new decoder; a new SSRC is accepted.</summary>
    public void Reconfigure(NegotiatedStream stream)
    {
        lock (_lock)
        {
            if (stream.Codec != _stream.Codec || stream.Channels != _stream.Channels)
            {
                _decoder.Dispose();
                _decoder = CreateDecoder(stream);
            }

            _stream = stream;
            _ssrc = null;
            LastPacketTicks = Environment.TickCount64;
        }
    }

    internal static IPayloadDecoder CreateDecoder(NegotiatedStream stream) => stream.Codec switch
    {
        RtpCodec.Pcmu => new G711PayloadDecoder(muLaw: true),
        RtpCodec.Pcma => new G711PayloadDecoder(muLaw: false),
        RtpCodec.G722 => G722Codec.CreateDecoder(),
        _ => new OpusPayloadDecoder(stream.Channels),
    };

    private async Task ReceiveAsync(CancellationToken token)
    {
        var datagram = new byte[65536];
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(datagram, SocketFlags.None, any, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            lock (_lock)
            {
                Accept(datagram.AsMemory(0, received.ReceivedBytes).ToArray(), ((IPEndPoint)received.RemoteEndPoint).Address);
            }
        }
    }

    private void Accept(ReadOnlyMemory<byte> datagram, IPAddress source)
    {
        if (!source.Equals(_peer) && !source.Equals(_stream.Remote?.Address))
        {
            _metrics.RtpIgnored("wrong_source");
            return;
        }

        if (RtpPacket.TryParse(datagram, out var fault) is not { } packet)
        {
            _metrics.RtpIgnored(fault!);
            return;
        }

        var reason = packet.PayloadType != _stream.PayloadType ? "wrong_payload_type"
            : _ssrc is { } ssrc && packet.Ssrc != ssrc ? "wrong_ssrc"
            : packet.Payload.IsEmpty || packet.Payload.Length > _maxPayload ? "bad_size"
            : null;
        if (reason is not null)
        {
            _metrics.RtpIgnored(reason);
            return;
        }

        _ssrc = packet.Ssrc;
        LastPacketTicks = Environment.TickCount64;
        _metrics.RtpReceived();
        var before = _jitter.Dropped;
        Play(_jitter.Push(packet));
        if (_jitter.Dropped > before)
        {
            _metrics.RtpIgnored("duplicate_or_late");
        }
    }

    private void Play(List<JitterOutput> ready)
    {
        foreach (var (packet, lost) in ready)
        {
            if (lost > 0)
            {
                _metrics.RtpLost(lost);
                for (var i = 0; i < lost; i++)
                {
                    Emit(_decoder.Conceal(_lastFrame, Room(_lastFrame)));
                }
            }

            int samples;
            try
            {
                samples = _decoder.Decode(packet.Payload.Span, Room(packet.Payload.Length * 6));
            }
            catch (InvalidDataException)
            {
                _metrics.RtpIgnored("undecodable");
                continue;
            }

            if (samples > 0)
            {
                _lastFrame = samples;
                Emit(samples);
            }
        }
    }

    // Opus may expand up to 120 ms per packet whatever its size; G.711 doubles (8 → 16 kHz), G.722 doubles too.
    private Span<float> Room(int atLeast)
    {
        var needed = Math.Max(atLeast, 1920) * _decoder.Channels;
        if (_buffer.Length < needed)
        {
            _buffer = new float[needed];
        }

        return _buffer;
    }

    private void Emit(int samplesPerChannel) => _deliver(_buffer[..(samplesPerChannel * _decoder.Channels)], _decoder.Channels);

    /// <summary>Stops receiving, plays what the jitter buffer still holds, releases the decoder and the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        lock (_lock)
        {
            Play(_jitter.Drain());
            _decoder.Dispose();
        }

        _cts.Dispose();
    }
}

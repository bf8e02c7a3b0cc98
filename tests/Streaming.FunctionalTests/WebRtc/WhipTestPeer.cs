using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Streaming.Audio;
using Streaming.WebRtc.Dtls;
using Streaming.WebRtc.Srtp;
using Streaming.WebRtc.Stun;

namespace Streaming.FunctionalTests.WebRtc;

/// <summary>
/// A minimal WebRTC sender for tests: posts an offer to /api/whip, runs the ICE check, the DTLS-SRTP client
/// handshake (BouncyCastle) and sends Opus over SRTP, or whatever bytes a test wants on the media port.
/// </summary>
internal sealed class WhipTestPeer : IDisposable
{
    public const int OpusPayloadType = 111;
    private readonly DtlsCertificate _certificate = DtlsCertificate.Generate();
    private readonly string _ufrag = "peer" + RandomNumberGenerator.GetHexString(4);
    private readonly string _pwd = RandomNumberGenerator.GetHexString(24);
    private readonly uint _ssrc = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    private Socket? _socket;
    private ushort _sequence = (ushort)RandomNumberGenerator.GetInt32(1000);
    private uint _timestamp;

    /// <summary>The server's answer once published.</summary>
    public string? Answer { get; private set; }

    /// <summary>The session id the server gave.</summary>
    public string? SessionId { get; private set; }

    /// <summary>SRTP master keys of this side, once the handshake completed.</summary>
    public SrtpContext? Srtp { get; private set; }

    /// <summary>The server's media address from the answer's candidate.</summary>
    public IPEndPoint? Candidate { get; private set; }

    /// <summary>An offer like a browser's: one sendonly Opus audio section, rtcp-mux, our fingerprint; <paramref name="audio"/> false gives video only.</summary>
    public string Offer(bool audio = true) =>
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" +
        (audio ? $"m=audio 9 UDP/TLS/RTP/SAVPF {OpusPayloadType}\r\n" : "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n") +
        "c=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\na=rtcp-mux\r\n" +
        $"a=ice-ufrag:{_ufrag}\r\na=ice-pwd:{_pwd}\r\na=fingerprint:sha-256 {_certificate.Fingerprint}\r\na=setup:actpass\r\n" +
        (audio ? $"a=rtpmap:{OpusPayloadType} opus/48000/2\r\n" : "a=rtpmap:96 VP8/90000\r\n");

    /// <summary>POSTs <paramref name="offer"/>; on 201 remembers the answer, session and candidate.</summary>
    public async Task<HttpResponseMessage> PublishAsync(HttpClient http, string offer, string query = "?language=en")
    {
        using var content = new StringContent(offer, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/sdp");
        var response = await http.PostAsync($"/api/whip{query}", content);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            Answer = await response.Content.ReadAsStringAsync();
            SessionId = response.Headers.GetValues("X-Session-Id").Single();
            var candidate = Line("a=candidate:").Split(' ');
            Candidate = new IPEndPoint(IPAddress.Parse(candidate[4]), int.Parse(candidate[5], System.Globalization.CultureInfo.InvariantCulture));
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _socket.Connect(Candidate);
        }

        return response;
    }

    /// <summary>Sends an authenticated, nominating binding request and returns the server's parsed response.</summary>
    public StunMessage? CheckConnectivity(string? password = null)
    {
        var serverUfrag = Line("a=ice-ufrag:");
        var key = Encoding.UTF8.GetBytes(password ?? Line("a=ice-pwd:"));
        Span<byte> tieBreaker = stackalloc byte[8];
        RandomNumberGenerator.Fill(tieBreaker);
        var priority = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(priority, 0x6E0001FF);
        var request = new StunMessageBuilder(StunMessage.BindingRequest, RandomNumberGenerator.GetBytes(12))
            .Add(StunAttributeType.Username, Encoding.UTF8.GetBytes($"{serverUfrag}:{_ufrag}"))
            .Add(StunAttributeType.Priority, priority)
            .Add(StunAttributeType.IceControlling, tieBreaker)
            .Add(StunAttributeType.UseCandidate, [])
            .Build(key);
        Send(request);
        return StunMessage.TryParse(Receive(TimeSpan.FromSeconds(5)) ?? [], out _);
    }

    /// <summary>Runs the DTLS client handshake with use_srtp and sets <see cref="Srtp"/> from the exported keys.</summary>
    public async Task HandshakeAsync()
    {
        var client = new PeerDtlsClient(_certificate);
        await Task.Run(() => new DtlsClientProtocol().Connect(client, new SocketTransport(_socket!)));
        var keys = client.Keys!;
        Srtp = new SrtpContext(keys[..16], keys[32..46]);
    }

    /// <summary>Sends <paramref name="samples"/> (16 kHz mono) as 20 ms Opus packets over SRTP at real-time pace.</summary>
    public async Task SendOpusAsync(float[] samples, SrtpContext? context = null)
    {
        using var encoder = new OpusEncoder(16000, 1);
        var packet = new byte[OpusEncoder.MaxPacketLength];
        const int frame = 320;
        var next = Environment.TickCount64;
        for (var offset = 0; offset + frame <= samples.Length; offset += frame)
        {
            var length = encoder.Encode(samples.AsSpan(offset, frame), frame, packet);
            SendRtp(packet.AsSpan(0, length), context);
            next += 20;
            var wait = next - Environment.TickCount64;
            if (wait > 0)
            {
                await Task.Delay((int)wait);
            }
        }
    }

    /// <summary>Sends one RTP packet with <paramref name="payload"/>, protected by <paramref name="context"/> (default: ours).</summary>
    public void SendRtp(ReadOnlySpan<byte> payload, SrtpContext? context = null)
    {
        var rtp = new byte[12 + payload.Length];
        rtp[0] = 0x80;
        rtp[1] = OpusPayloadType;
        BinaryPrimitives.WriteUInt16BigEndian(rtp.AsSpan(2), _sequence++);
        BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(4), _timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(rtp.AsSpan(8), _ssrc);
        payload.CopyTo(rtp.AsSpan(12));
        _timestamp += 960;
        Send((context ?? Srtp!).ProtectRtp(rtp));
    }

    /// <summary>Sends raw bytes to the server's media port.</summary>
    public void Send(ReadOnlySpan<byte> datagram) => _socket!.Send(datagram);

    /// <summary>The next datagram from the server, or null after <paramref name="timeout"/>.</summary>
    public byte[]? Receive(TimeSpan timeout)
    {
        if (!_socket!.Poll(timeout, SelectMode.SelectRead))
        {
            return null;
        }

        var buffer = new byte[2048];
        var n = _socket.Receive(buffer);
        return buffer[..n];
    }

    private string Line(string prefix) =>
        Answer!.Split("\r\n").First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    public void Dispose()
    {
        _socket?.Dispose();
        Srtp?.Dispose();
    }

    private sealed class SocketTransport(Socket socket) : DatagramTransport
    {
        public int GetReceiveLimit() => 1500;

        public int GetSendLimit() => 1200;

        public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

        public int Receive(Span<byte> buffer, int waitMillis) =>
            socket.Poll(TimeSpan.FromMilliseconds(waitMillis), SelectMode.SelectRead) ? socket.Receive(buffer) : -1;

        public void Send(byte[] buf, int off, int len) => socket.Send(buf, off, len, SocketFlags.None);

        public void Send(ReadOnlySpan<byte> buffer) => socket.Send(buffer);

        public void Close()
        {
        }
    }

    private sealed class PeerDtlsClient(DtlsCertificate certificate) : DefaultTlsClient(certificate.Crypto)
    {
        public byte[]? Keys { get; private set; }

        protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.Only();

        protected override int[] GetSupportedCipherSuites() => [CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256];

        public override IDictionary<int, byte[]> GetClientExtensions()
        {
            var extensions = base.GetClientExtensions();
            TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData([SrtpProfile.Aes128CmSha1_80.Id], TlsUtilities.EmptyBytes));
            return extensions;
        }

        public override TlsAuthentication GetAuthentication() => new Authentication(this);

        public override void NotifyHandshakeComplete()
        {
            base.NotifyHandshakeComplete();
            Keys = m_context.ExportKeyingMaterial(ExporterLabel.dtls_srtp, null, 60);
        }

        private TlsCredentials Credentials() => new BcDefaultTlsCredentialedSigner(
            new TlsCryptoParameters(m_context),
            certificate.Crypto,
            certificate.PrivateKey,
            certificate.Certificate,
            new SignatureAndHashAlgorithm(Org.BouncyCastle.Tls.HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));

        private sealed class Authentication(PeerDtlsClient client) : TlsAuthentication
        {
            // The test trusts the server's certificate; the server checks ours against the offer's fingerprint.
            public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
            {
            }

            public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) => client.Credentials();
        }
    }
}

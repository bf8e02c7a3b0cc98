using System.Net;
using System.Net.Sockets;
using System.Text;
using Streaming.Sip.Message;

namespace Streaming.Sip.Tests;

/// <summary>
/// A minimal user agent client for tests: builds requests by hand, sends them over UDP to the ingress and reads
/// what comes back, so every exchange is real SIP on the wire.
/// </summary>
public sealed class TestUserAgent : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;
    private readonly string _fromTag = Guid.NewGuid().ToString("N")[..8];
    private int _cseq;

    public TestUserAgent(int serverPort)
    {
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public string CallId { get; } = Guid.NewGuid().ToString("N") + "@test";

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public Task SendAsync(SipMessage message) => SendRawAsync(message.ToBytes());

    public async Task SendRawAsync(byte[] data) => await _socket.SendToAsync(data, SocketFlags.None, _server);

    /// <summary>Next message from the server, or null when none arrives in time.</summary>
    public async Task<SipMessage?> ReceiveAsync(TimeSpan timeout) =>
        await ReceiveRawAsync(timeout) is { } data ? SipParser.Parse(data, 65536) : null;

    /// <summary>Next datagram from the server, unparsed, or null when none arrives in time.</summary>
    public async Task<byte[]?> ReceiveRawAsync(TimeSpan timeout)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return buffer[..result.ReceivedBytes];
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// Next response with a status of at least <paramref name="minimum"/> (skipping provisional ones by default),
    /// to a request of Call-ID <paramref name="callId"/> when one is given.
    /// </summary>
    public async Task<SipResponse> ResponseAsync(int minimum = 200, TimeSpan? timeout = null, string? callId = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await ReceiveAsync(deadline - DateTime.UtcNow) is SipResponse response && response.StatusCode >= minimum && (callId is null || response.CallId == callId))
            {
                return response;
            }
        }

        throw new TimeoutException($"no response >= {minimum} from the ingress");
    }

    /// <summary>Next request the server sends us (BYE).</summary>
    public async Task<SipRequest> RequestAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await ReceiveAsync(deadline - DateTime.UtcNow) is SipRequest request)
            {
                return request;
            }
        }

        throw new TimeoutException("the ingress sent no request");
    }

    public SipRequest Request(string method, string? toTag = null, string? sdp = null, long? cseq = null)
    {
        var request = new SipRequest(method, $"sip:recognizer@127.0.0.1:{_server.Port}")
            .Add("Via", $"SIP/2.0/UDP 127.0.0.1:{Port};branch=z9hG4bK{Guid.NewGuid():N}")
            .Add("Max-Forwards", "70")
            .Add("From", $"\"Customer\" <sip:customer@127.0.0.1>;tag={_fromTag}")
            .Add("To", "<sip:recognizer@127.0.0.1>" + (toTag is null ? string.Empty : ";tag=" + toTag))
            .Add("Call-ID", CallId)
            .Add("CSeq", $"{cseq ?? ++_cseq} {method}")
            .Add("Contact", $"<sip:customer@127.0.0.1:{Port}>");
        if (sdp is not null)
        {
            request.Add("Content-Type", "application/sdp");
            request.Body = Encoding.UTF8.GetBytes(sdp);
        }

        return request;
    }

    /// <summary>ACK for a 2xx: a new transaction in the dialog with the INVITE's CSeq number.</summary>
    public SipRequest Ack(SipResponse ok) => Request("ACK", ToTag(ok), cseq: ok.CSeq.Number);

    public static string ToTag(SipResponse response) => HeaderValue.Parameter(response["To"]!, "tag")!;

    /// <summary>An offer with one audio m= line per entry: (RTP port, formats, extra attribute lines).</summary>
    public static string Offer(params (int Port, string Formats, string Attributes)[] media)
    {
        var sdp = new StringBuilder("v=0\r\no=test 1 1 IN IP4 127.0.0.1\r\ns=test\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n");
        foreach (var (port, formats, attributes) in media)
        {
            sdp.Append($"m=audio {port} RTP/AVP {formats}\r\n").Append(attributes.Replace("|", "\r\n", StringComparison.Ordinal)).Append(attributes.Length > 0 ? "\r\n" : string.Empty);
        }

        return sdp.ToString();
    }

    /// <summary>The RTP port the answer gives for m= line <paramref name="index"/>.</summary>
    public static int AnswerPort(SipResponse response, int index = 0) =>
        int.Parse(Encoding.UTF8.GetString(response.Body).Split("\r\n").Where(l => l.StartsWith("m=", StringComparison.Ordinal)).ElementAt(index).Split(' ')[1]);

    public void Dispose() => _socket.Dispose();
}

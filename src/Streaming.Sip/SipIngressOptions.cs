using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Streaming.Sip;

/// <summary>
/// Settings of the SIP trunk ingress, bound from configuration section <c>Sip</c> and checked at start-up by
/// <see cref="Validate"/>.
/// </summary>
public sealed class SipIngressOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Sip";

    /// <summary>Address the UDP and TCP listeners bind to.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>UDP port for SIP (0 picks a free one).</summary>
    [Range(0, 65535)]
    public int UdpPort { get; set; } = 5060;

    /// <summary>TCP port for SIP (0 picks a free one).</summary>
    [Range(0, 65535)]
    public int TcpPort { get; set; } = 5060;

    /// <summary>Address written into SDP answers and Contact headers: what peers can reach.</summary>
    [Required]
    public string MediaAddress { get; set; } = "127.0.0.1";

    /// <summary>Lowest RTP port (even ports are used); with <see cref="RtpPortMax"/> 0 the system picks ports.</summary>
    [Range(0, 65535)]
    public int RtpPortMin { get; set; }

    /// <summary>Highest RTP port.</summary>
    [Range(0, 65535)]
    public int RtpPortMax { get; set; }

    /// <summary>Largest SIP message accepted; longer ones are answered 413.</summary>
    [Range(1024, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 32768;

    /// <summary>Concurrent calls; further INVITEs get 503 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int MaxCalls { get; set; } = 200;

    /// <summary>Concurrent TCP connections; further connections are closed at once.</summary>
    [Range(1, 100_000)]
    public int MaxTcpConnections { get; set; } = 1000;

    /// <summary>
    /// Seconds a TCP peer has to complete a message it started (head and declared body); then the connection is
    /// closed, since a stream cannot be re-synchronised (RFC 4475 §3.1.2.2).
    /// </summary>
    [Range(1, 3600)]
    public int TcpMessageTimeoutSeconds { get; set; } = 30;

    /// <summary>Seconds a TCP connection may stay silent while no dialog uses it; then it is closed.</summary>
    [Range(1, 86_400)]
    public int TcpIdleTimeoutSeconds { get; set; } = 300;

    /// <summary>Peers (IP or CIDR) whose INVITEs are accepted without authentication.</summary>
    public List<string> AllowedPeers { get; set; } = [];

    /// <summary>Digest credentials (user name → password) for peers outside <see cref="AllowedPeers"/>.</summary>
    public Dictionary<string, string> Users { get; set; } = [];

    /// <summary>Digest realm.</summary>
    [Required]
    public string Realm { get; set; } = "streaming";

    /// <summary>Header whose value identifies the call to subscribers besides Call-ID, From and To.</summary>
    [Required]
    public string CorrelationHeader { get; set; } = "X-Agent-Id";

    /// <summary>A call whose media has been silent (no RTP at all) this long is ended with BYE and a Reason.</summary>
    [Range(1, 3600)]
    public int NoRtpTimeoutSeconds { get; set; } = 30;

    /// <summary>Packets held to put reordered RTP back in order; each adds one packet time of latency.</summary>
    [Range(1, 50)]
    public int JitterBufferPackets { get; set; } = 3;

    /// <summary>Largest RTP payload accepted; bigger ones are ignored and counted.</summary>
    [Range(160, 65535)]
    public int MaxRtpPayloadBytes { get; set; } = 1500;

    /// <summary>RFC 3261 T1 (round-trip estimate) in ms; G starts at T1, H and J are 64×T1.</summary>
    [Range(10, 10_000)]
    public int T1Ms { get; set; } = 500;

    /// <summary>RFC 3261 T2 (cap of retransmission intervals) in ms.</summary>
    [Range(10, 60_000)]
    public int T2Ms { get; set; } = 4000;

    /// <summary>RFC 3261 T4 (how long a message lives in the network; timer I) in ms.</summary>
    [Range(10, 60_000)]
    public int T4Ms { get; set; } = 5000;

    /// <summary>Session interval granted when the peer asks for none (RFC 4028).</summary>
    [Range(90, 86_400)]
    public int SessionExpiresSeconds { get; set; } = 1800;

    /// <summary>Smallest session interval accepted; smaller requests get 422 with Min-SE.</summary>
    [Range(90, 86_400)]
    public int MinSessionExpiresSeconds { get; set; } = 90;

    /// <summary>
    /// Call-centre roles given to a call's audio channels in order: the first audio stream (or left channel of a
    /// stereo stream) gets the first role. A stream whose SDP <c>a=label</c> names a role gets that role.
    /// </summary>
    public List<string> ChannelRoles { get; set; } = ["customer", "agent"];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ArgumentException($"Invalid SIP options: {results[0].ErrorMessage}");
        }

        Require(IPAddress.TryParse(ListenAddress, out _), $"ListenAddress '{ListenAddress}' is not an IP address.");
        Require(IPAddress.TryParse(MediaAddress, out _), $"MediaAddress '{MediaAddress}' is not an IP address.");
        Require(RtpPortMin <= RtpPortMax, $"RtpPortMin {RtpPortMin} is above RtpPortMax {RtpPortMax}.");
        Require(T1Ms <= T2Ms, "T1Ms must not exceed T2Ms.");
        Require(MinSessionExpiresSeconds <= SessionExpiresSeconds, "MinSessionExpiresSeconds must not exceed SessionExpiresSeconds.");
        Require(ChannelRoles.Count > 0 && ChannelRoles.All(r => !string.IsNullOrWhiteSpace(r)) && ChannelRoles.Distinct().Count() == ChannelRoles.Count, "ChannelRoles must be distinct, non-empty names.");
        Require(AllowedPeers.Count > 0 || Users.Count > 0, "set AllowedPeers or Users, or no INVITE can be accepted.");
        foreach (var peer in AllowedPeers)
        {
            Require(IPNetwork.TryParse(AsCidr(peer), out _), $"AllowedPeers entry '{peer}' is not an IP address or CIDR range.");
        }
    }

    /// <summary>The allow-list as networks.</summary>
    internal IReadOnlyList<IPNetwork> AllowedNetworks() =>
        [.. AllowedPeers.Select(p => IPNetwork.Parse(AsCidr(p)))];

    // A bare address is a one-host network.
    private static string AsCidr(string peer) => peer.Contains('/') ? peer : peer + (peer.Contains(':') ? "/128" : "/32");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid SIP options: {message}");
        }
    }
}

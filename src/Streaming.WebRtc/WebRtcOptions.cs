using System.Net;

namespace Streaming.WebRtc;

/// <summary>Settings of the WHIP / WebRTC ingress (section <c>WebRtc</c>), checked by <see cref="Validate"/> at start-up.</summary>
public sealed class WebRtcOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "WebRtc";

    /// <summary>Whether <c>/api/whip</c> accepts offers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Address the media sockets bind to (only this one); loopback by default.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Address written in the answer's candidate (the NAT's public address); the bind address when empty.</summary>
    public string? PublicAddress { get; set; }

    /// <summary>Lowest UDP port of media sockets (one port per session).</summary>
    public int UdpPortMin { get; set; } = 40000;

    /// <summary>Highest UDP port of media sockets.</summary>
    public int UdpPortMax { get; set; } = 40999;

    /// <summary>WebRTC sessions at most at once (each also counts against the server's session limit).</summary>
    public int MaxSessions { get; set; } = 50;

    /// <summary>No authenticated RTP for this long (from the answer on) ends the session with an error event.</summary>
    public int NoMediaTimeoutSeconds { get; set; } = 15;

    /// <summary>No consent (authenticated STUN binding request) for this long ends the session (RFC 7675 uses 30 s).</summary>
    public int ConsentTimeoutSeconds { get; set; } = 30;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            throw new ArgumentException($"WebRtc:BindAddress '{BindAddress}' is not an IP address.");
        }

        if (!string.IsNullOrWhiteSpace(PublicAddress) && !IPAddress.TryParse(PublicAddress, out _))
        {
            throw new ArgumentException($"WebRtc:PublicAddress '{PublicAddress}' is not an IP address.");
        }

        if (string.IsNullOrWhiteSpace(PublicAddress) && (IPAddress.Parse(BindAddress).Equals(IPAddress.Any) || IPAddress.Parse(BindAddress).Equals(IPAddress.IPv6Any)))
        {
            throw new ArgumentException("WebRtc:BindAddress is a wildcard address; set WebRtc:PublicAddress to the address peers should send to.");
        }

        if (UdpPortMin is < 1024 or > 65535 || UdpPortMax is < 1024 or > 65535 || UdpPortMin > UdpPortMax)
        {
            throw new ArgumentException($"WebRtc:UdpPortMin..UdpPortMax ({UdpPortMin}..{UdpPortMax}) must be a range within 1024..65535.");
        }

        if (MaxSessions < 1)
        {
            throw new ArgumentException($"WebRtc:MaxSessions ({MaxSessions}) must be at least 1.");
        }

        if (NoMediaTimeoutSeconds is < 1 or > 3600 || ConsentTimeoutSeconds is < 5 or > 3600)
        {
            throw new ArgumentException("WebRtc:NoMediaTimeoutSeconds must be 1..3600 and WebRtc:ConsentTimeoutSeconds 5..3600.");
        }
    }

    /// <summary>The address the answer's candidate names.</summary>
    public IPAddress CandidateAddress => IPAddress.Parse(string.IsNullOrWhiteSpace(PublicAddress) ? BindAddress : PublicAddress);
}

namespace Streaming.Sip.Sdp;

/// <summary>One m= section of a session description.</summary>
internal sealed class SdpMedia
{
    public required string Type { get; init; }

    public required int Port { get; init; }

    public required string Protocol { get; init; }

    public required List<string> Formats { get; init; }

    /// <summary>a=rtpmap values by payload type: "opus/48000/2".</summary>
    public Dictionary<int, string> RtpMaps { get; } = [];

    /// <summary>a=fmtp values by payload type.</summary>
    public Dictionary<int, string> Fmtp { get; } = [];

    public string? ConnectionAddress { get; set; }

    public SdpDirection Direction { get; set; } = SdpDirection.SendRecv;

    /// <summary>a=label (RFC 4574), used to name call-centre roles.</summary>
    public string? Label { get; set; }
}

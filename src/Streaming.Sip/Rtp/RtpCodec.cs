namespace Streaming.Sip.Rtp;

/// <summary>Audio codecs the ingress negotiates, in no particular preference (the offerer's order wins).</summary>
public enum RtpCodec
{
    /// <summary>G.711 µ-law, static payload type 0.</summary>
    Pcmu,

    /// <summary>G.711 A-law, static payload type 8.</summary>
    Pcma,

    /// <summary>G.722 SB-ADPCM at 64 kbit/s, static payload type 9 (16 kHz audio, 8 kHz RTP clock).</summary>
    G722,

    /// <summary>Opus (RFC 7587), dynamic payload type.</summary>
    Opus,
}

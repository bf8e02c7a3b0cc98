namespace Streaming.Pipeline;

/// <summary>Encodings a session's incoming audio may use.</summary>
public enum AudioCodec
{
    /// <summary>Signed 16-bit little-endian PCM, mono.</summary>
    Pcm16,

    /// <summary>G.711 µ-law, one byte a sample.</summary>
    MuLaw,

    /// <summary>G.711 A-law, one byte a sample.</summary>
    ALaw,

    /// <summary>Opus, one packet per message.</summary>
    Opus,
}

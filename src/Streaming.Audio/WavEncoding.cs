namespace Streaming.Audio;

/// <summary>How the samples of a WAV data chunk are encoded.</summary>
public enum WavEncoding
{
    /// <summary>Signed little-endian integer PCM (16, 24 or 32 bits).</summary>
    Pcm,

    /// <summary>IEEE 754 little-endian 32-bit float.</summary>
    IeeeFloat,
}

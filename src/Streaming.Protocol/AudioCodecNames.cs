namespace Streaming.Protocol;

/// <summary>The codec names a <see cref="SessionRequest"/> may carry.</summary>
public static class AudioCodecNames
{
    /// <summary>Signed 16-bit little-endian PCM, mono.</summary>
    public const string Pcm16 = "pcm16";

    /// <summary>Opus, one packet per message.</summary>
    public const string Opus = "opus";
}

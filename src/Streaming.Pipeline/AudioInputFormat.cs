namespace Streaming.Pipeline;

/// <summary>The codec and sample rate of the audio a session sends.</summary>
/// <param name="Codec">How the bytes are encoded.</param>
/// <param name="SampleRate">Rate of the decoded audio in Hz.</param>
public sealed record AudioInputFormat(AudioCodec Codec, int SampleRate)
{
    private static readonly int[] PcmRates = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];
    private static readonly int[] OpusRates = [8000, 12000, 16000, 24000, 48000];

    /// <summary>16 kHz PCM16: what browsers and SDKs usually send.</summary>
    public static AudioInputFormat Default { get; } = new(AudioCodec.Pcm16, 16000);

    /// <summary>Throws <see cref="ArgumentException"/> with a specific message when the pair is not supported.</summary>
    public void Validate()
    {
        var allowed = Codec switch
        {
            AudioCodec.Pcm16 => PcmRates,
            AudioCodec.MuLaw or AudioCodec.ALaw => [8000, 16000],
            AudioCodec.Opus => OpusRates,
            _ => throw new ArgumentException($"Unknown codec {Codec}."),
        };
        if (!allowed.Contains(SampleRate))
        {
            throw new ArgumentException(
                $"Sample rate {SampleRate} Hz is not supported for {Codec}; use one of {string.Join(", ", allowed)}.");
        }
    }
}

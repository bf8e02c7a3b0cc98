namespace Streaming.Audio;

/// <summary>Argument checks shared by <see cref="OpusDecoder"/> and <see cref="OpusEncoder"/>.</summary>
internal static class OpusParameters
{
    /// <summary>Rejects rates and channel counts libopus does not accept, before any native call.</summary>
    internal static void Validate(int sampleRate, int channels)
    {
        if (sampleRate is not (8000 or 12000 or 16000 or 24000 or 48000))
        {
            throw new ArgumentOutOfRangeException(
                nameof(sampleRate), sampleRate, "Opus supports 8000, 12000, 16000, 24000 and 48000 Hz.");
        }

        if (channels is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Opus supports 1 or 2 channels.");
        }
    }

    /// <summary>Ensures a buffer of <paramref name="length"/> samples holds <paramref name="frameSize"/> interleaved frames.</summary>
    internal static void ValidateFrame(int length, int frameSize, int channels, string pcmName)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSize);
        if (length < (long)frameSize * channels)
        {
            throw new ArgumentException(
                $"The buffer holds {length} samples but {frameSize} frames × {channels} channel(s) are needed.", pcmName);
        }
    }
}

namespace Streaming.Audio;

/// <summary>
/// Encodes interleaved float PCM to Opus packets through libopus, tuned for speech (VOIP application).
/// Not thread-safe.
/// </summary>
public sealed class OpusEncoder : IDisposable
{
    /// <summary>Largest packet libopus produces for one frame; a packet buffer this big always suffices.</summary>
    public const int MaxPacketLength = 1275;

    private readonly OpusEncoderHandle _handle;

    /// <summary>Creates an encoder for <paramref name="channels"/> channels at <paramref name="sampleRate"/> Hz.</summary>
    /// <param name="sampleRate">8000, 12000, 16000, 24000 or 48000.</param>
    /// <param name="channels">1 or 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">Unsupported rate or channel count.</exception>
    /// <exception cref="OpusUnavailableException">libopus is not installed.</exception>
    /// <exception cref="OpusException">libopus refused to create the encoder.</exception>
    public OpusEncoder(int sampleRate, int channels)
    {
        OpusParameters.Validate(sampleRate, channels);
        OpusNative.EnsureLoaded();
        _handle = OpusNative.EncoderCreate(sampleRate, channels, OpusNative.ApplicationVoip, out int error);
        if (error != 0 || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new OpusException("opus_encoder_create", error);
        }

        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>Input sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Input channels (interleaved).</summary>
    public int Channels { get; }

    /// <summary>
    /// Encodes one frame of <paramref name="frameSize"/> samples per channel (2.5, 5, 10, 20, 40 or 60 ms).
    /// </summary>
    /// <returns>The packet length in bytes written to <paramref name="packet"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> holds fewer than <paramref name="frameSize"/> frames.</exception>
    /// <exception cref="OpusException">The frame size is not a valid Opus duration, or <paramref name="packet"/> is too small.</exception>
    /// <exception cref="ObjectDisposedException">The encoder was disposed.</exception>
    public unsafe int Encode(ReadOnlySpan<float> pcm, int frameSize, Span<byte> packet)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        OpusParameters.ValidateFrame(pcm.Length, frameSize, Channels, nameof(pcm));
        int result;
        fixed (float* input = pcm)
        fixed (byte* output = packet)
        {
            result = OpusNative.EncodeFloat(_handle, input, frameSize, output, packet.Length);
        }

        return result >= 0 ? result : throw new OpusException("opus_encode_float", result);
    }

    /// <summary>Releases the native encoder.</summary>
    public void Dispose() => _handle.Dispose();
}

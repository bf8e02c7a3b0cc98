namespace Streaming.Audio;

/// <summary>
/// Decodes Opus packets to interleaved float PCM through libopus. Not thread-safe.
/// </summary>
public sealed class OpusDecoder : IDisposable
{
    private readonly OpusDecoderHandle _handle;

    /// <summary>Creates a decoder producing <paramref name="channels"/> channels at <paramref name="sampleRate"/> Hz.</summary>
    /// <param name="sampleRate">8000, 12000, 16000, 24000 or 48000.</param>
    /// <param name="channels">1 or 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">Unsupported rate or channel count.</exception>
    /// <exception cref="OpusUnavailableException">libopus is not installed.</exception>
    /// <exception cref="OpusException">libopus refused to create the decoder.</exception>
    public OpusDecoder(int sampleRate, int channels)
    {
        OpusParameters.Validate(sampleRate, channels);
        OpusNative.EnsureLoaded();
        _handle = OpusNative.DecoderCreate(sampleRate, channels, out int error);
        if (error != 0 || _handle.IsInvalid)
        {
            _handle.Dispose();
            throw new OpusException("opus_decoder_create", error);
        }

        SampleRate = sampleRate;
        Channels = channels;
    }

    /// <summary>Output sample rate in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>Output channels (interleaved).</summary>
    public int Channels { get; }

    /// <summary>
    /// Decodes one packet into <paramref name="pcm"/>, which must hold the packet's whole duration
    /// (120 ms × <see cref="Channels"/> always suffices).
    /// </summary>
    /// <returns>Samples per channel written.</returns>
    /// <exception cref="ArgumentException">The packet is empty (use <see cref="DecodeLost"/> for a missing packet).</exception>
    /// <exception cref="OpusException">The packet is corrupt or <paramref name="pcm"/> is too small.</exception>
    /// <exception cref="ObjectDisposedException">The decoder was disposed.</exception>
    public unsafe int Decode(ReadOnlySpan<byte> packet, Span<float> pcm)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (packet.IsEmpty)
        {
            throw new ArgumentException("The packet is empty; call DecodeLost for a missing packet.", nameof(packet));
        }

        int result;
        fixed (byte* data = packet)
        fixed (float* output = pcm)
        {
            result = OpusNative.DecodeFloat(_handle, data, packet.Length, output, pcm.Length / Channels, 0);
        }

        return result >= 0 ? result : throw new OpusException("opus_decode_float", result);
    }

    /// <summary>
    /// Conceals one lost packet by synthesising <paramref name="frameSize"/> samples per channel
    /// (a multiple of 2.5 ms, normally the duration of the packets around it).
    /// </summary>
    /// <returns>Samples per channel written.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> cannot hold <paramref name="frameSize"/> frames.</exception>
    /// <exception cref="OpusException">libopus rejected the frame size.</exception>
    /// <exception cref="ObjectDisposedException">The decoder was disposed.</exception>
    public unsafe int DecodeLost(Span<float> pcm, int frameSize)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        OpusParameters.ValidateFrame(pcm.Length, frameSize, Channels, nameof(pcm));
        int result;
        fixed (float* output = pcm)
        {
            result = OpusNative.DecodeFloat(_handle, null, 0, output, frameSize, 0);
        }

        return result >= 0 ? result : throw new OpusException("opus_decode_float", result);
    }

    /// <summary>Releases the native decoder.</summary>
    public void Dispose() => _handle.Dispose();
}

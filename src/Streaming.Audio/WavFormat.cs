namespace Streaming.Audio;

/// <summary>The format of a WAV file's audio data, as validated by <see cref="WavReader"/>.</summary>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="Channels">Interleaved channels per frame.</param>
/// <param name="BitsPerSample">Bits of one sample of one channel.</param>
/// <param name="Encoding">Integer PCM or IEEE float.</param>
/// <param name="DataBytes">
/// Bytes of whole frames that will be read, or -1 when unknown
/// (a streamed WAV with a placeholder size read from a non-seekable stream).
/// </param>
public sealed record WavFormat(int SampleRate, int Channels, int BitsPerSample, WavEncoding Encoding, long DataBytes)
{
    /// <summary>Bytes of one frame (one sample of every channel).</summary>
    public int BlockAlign => Channels * (BitsPerSample / 8);

    /// <summary>Number of frames in the data, or -1 when <see cref="DataBytes"/> is unknown.</summary>
    public long FrameCount => DataBytes < 0 ? -1 : DataBytes / BlockAlign;

    /// <summary>Playing time of the data (exact to the tick, rounded down), or <see cref="Timeout.InfiniteTimeSpan"/> when unknown.</summary>
    public TimeSpan Duration =>
        FrameCount < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(FrameCount * TimeSpan.TicksPerSecond / SampleRate);
}

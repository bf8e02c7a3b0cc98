namespace Streaming.Audio;

/// <summary>
/// A block of 16 kHz mono float PCM (nominally in [-1, 1]) with its position in the stream.
/// Every ingress converts its audio to this before it enters a session pipeline.
/// </summary>
/// <param name="Samples">The samples; the frame does not own a pooled buffer, so it may be kept.</param>
/// <param name="StartSample">Stream time of the first sample, counted in 16 kHz samples since the stream began.</param>
public readonly record struct AudioFrame(ReadOnlyMemory<float> Samples, long StartSample)
{
    /// <summary>The pipeline's sample rate: every frame is at this rate.</summary>
    public const int SampleRate = 16_000;

    /// <summary>Number of samples in the frame.</summary>
    public int Length => Samples.Length;

    /// <summary>Stream time just past the last sample.</summary>
    public long EndSample => StartSample + Samples.Length;

    /// <summary>Converts a stream time in samples to seconds.</summary>
    public static double ToSeconds(long sample) => sample / (double)SampleRate;
}

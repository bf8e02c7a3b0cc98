namespace Streaming.Jobs.Decoding;

/// <summary>A decoded audio file read incrementally as 16 kHz mono float samples.</summary>
public interface IAudioSource : IDisposable
{
    /// <summary>Length in seconds when the container says; null when unknown.</summary>
    double? Duration { get; }

    /// <summary>Fills up to <paramref name="destination"/>.Length samples; returns how many, 0 at the end.</summary>
    /// <exception cref="AudioDecodeException">The file is corrupt or the decoder failed.</exception>
    int Read(Span<float> destination);
}

namespace Streaming.Asr.Vad;

/// <summary>
/// Receives what a <see cref="VoiceActivityDetector"/> finds, in stream order: a start, the speech audio
/// (including padding), then an end. Positions are in samples at the detector's sample rate.
/// </summary>
public interface IVadSink
{
    /// <summary>A speech segment begins at <paramref name="sample"/> (padding included).</summary>
    void OnSpeechStart(long sample);

    /// <summary>
    /// Audio of the current segment starting at <paramref name="startSample"/>; the span is only valid
    /// during the call.
    /// </summary>
    void OnSpeechAudio(ReadOnlySpan<float> samples, long startSample);

    /// <summary>The current segment ends at <paramref name="sample"/> (exclusive, padding included).</summary>
    void OnSpeechEnd(long sample);
}

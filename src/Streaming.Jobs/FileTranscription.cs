namespace Streaming.Jobs;

/// <summary>What transcribing one file (or the rest of it, after a resume) amounted to.</summary>
/// <param name="Finished">True when the whole file was processed; false when the segment callback stopped it.</param>
/// <param name="AudioSeconds">Seconds of audio decoded in this run (from the resume point).</param>
/// <param name="SpeechSeconds">Seconds of it that VAD passed to the recogniser.</param>
/// <param name="Segments">Segments produced in this run.</param>
public sealed record FileTranscription(bool Finished, double AudioSeconds, double SpeechSeconds, int Segments)
{
    /// <summary>Where the file ends, in seconds from its start (resume point included).</summary>
    public double EndSeconds { get; init; }
}

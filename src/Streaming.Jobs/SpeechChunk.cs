namespace Streaming.Jobs;

/// <summary>The audio of one finished VAD segment, waiting for the recogniser.</summary>
/// <param name="StartSample">First sample, in 16 kHz samples from the start of the file.</param>
/// <param name="EndSample">One past the last sample.</param>
/// <param name="Samples">The segment's audio (padding included).</param>
/// <param name="Progress">Share of the file read when the segment closed, 0–100.</param>
internal sealed record SpeechChunk(long StartSample, long EndSample, float[] Samples, double Progress);

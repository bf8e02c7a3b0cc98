using Streaming.Audio;

namespace Streaming.Pipeline;

/// <summary>What the VAD stage passes on: segment boundaries and the speech audio between them.</summary>
public abstract record SpeechItem;

/// <summary>A speech segment opens at <paramref name="Sample"/> (16 kHz stream time).</summary>
public sealed record SpeechStart(long Sample) : SpeechItem;

/// <summary>Audio of the open segment.</summary>
public sealed record SpeechAudio(AudioFrame Frame) : SpeechItem;

/// <summary>The open segment closes at <paramref name="Sample"/> (exclusive).</summary>
public sealed record SpeechEnd(long Sample) : SpeechItem;

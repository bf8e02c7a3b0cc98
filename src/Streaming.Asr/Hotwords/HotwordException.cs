namespace Streaming.Asr.Hotwords;

/// <summary>A hotword list or phrase is unusable: bad syntax, a bad boost, or text the model's tokens cannot spell.</summary>
public sealed class HotwordException(string message) : ArgumentException(message);

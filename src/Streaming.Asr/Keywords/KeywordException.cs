namespace Streaming.Asr.Keywords;

/// <summary>A keyword list or phrase is unusable: bad syntax, a bad boost or threshold, or text the model cannot spell.</summary>
public sealed class KeywordException(string message) : ArgumentException(message);

namespace Streaming.Cli.Evaluation;

/// <summary>One utterance of a test set: its audio file and the human reference transcript.</summary>
internal sealed record EvalItem(string Set, string AudioPath, string Reference);

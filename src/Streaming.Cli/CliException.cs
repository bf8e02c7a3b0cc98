namespace Streaming.Cli;

/// <summary>A user-facing error: printed as one line on stderr, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);

namespace Streaming.LoadTests.Sessions;

/// <summary>The server a run targets cannot be reached or used; the run does not start.</summary>
public sealed class ServerUnavailableException(string message) : Exception(message);

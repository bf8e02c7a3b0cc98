namespace Streaming.Server.Sessions;

/// <summary>A session could not be started or joined; the message says why, for the client.</summary>
public sealed class SessionRefusedException(string message) : Exception(message);

namespace Streaming.Server.Sessions;

/// <summary>A session could not be started or joined; the message says why, for the client.</summary>
public sealed class SessionRefusedException : Exception
{
    /// <summary>A refusal for the reason <paramref name="message"/>.</summary>
    public SessionRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal because of <paramref name="cause"/> (a bad hotword or keyword list), whose message it carries.</summary>
    public SessionRefusedException(string message, Exception cause)
        : base(message, cause)
    {
    }
}

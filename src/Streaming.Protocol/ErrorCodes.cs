namespace Streaming.Protocol;

/// <summary>Values of <see cref="SessionError.Code"/>.</summary>
public static class ErrorCodes
{
    /// <summary>The server cannot keep up with the session's audio; the session ended.</summary>
    public const string Overloaded = "overloaded";

    /// <summary>No audio arrived for the configured idle time; the session ended.</summary>
    public const string IdleTimeout = "idle_timeout";

    /// <summary>An audio message was larger than the server allows; the session ended.</summary>
    public const string MessageTooLarge = "message_too_large";

    /// <summary>The audio could not be decoded or processed; the session ended.</summary>
    public const string ProcessingFailed = "processing_failed";

    /// <summary>This viewer fell too far behind and was unsubscribed.</summary>
    public const string SubscriberTooSlow = "subscriber_too_slow";

    /// <summary>The server is shutting down; open segments were finalised.</summary>
    public const string ShuttingDown = "shutting_down";
}

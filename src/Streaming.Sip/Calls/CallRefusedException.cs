namespace Streaming.Sip.Calls;

/// <summary>
/// Thrown by an <see cref="ICallSessionFactory"/> that refuses a call for a reason the caller should see (not an
/// outage, which is 503): the INVITE is answered <paramref name="status"/> with <paramref name="reason"/> and the
/// detail in a Warning header.
/// </summary>
/// <param name="status">The final response's status code (4xx–6xx).</param>
/// <param name="reason">The reason phrase.</param>
/// <param name="detail">What exactly is wrong, for people.</param>
public sealed class CallRefusedException(int status, string reason, string detail) : Exception(detail)
{
    /// <summary>The final response's status code.</summary>
    public int Status { get; } = status;

    /// <summary>The reason phrase.</summary>
    public string Reason { get; } = reason;
}

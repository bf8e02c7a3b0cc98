namespace Streaming.Sip.Message;

/// <summary>Fluent header edits that keep the message's own type, so responses can be built in one expression.</summary>
public static class SipMessageExtensions
{
    /// <summary>Appends a header.</summary>
    public static T Add<T>(this T message, string name, string value)
        where T : SipMessage
    {
        message.Headers.Add(new SipHeader(name, value));
        return message;
    }

    /// <summary>Replaces every occurrence of <paramref name="name"/> with one header.</summary>
    public static T Set<T>(this T message, string name, string value)
        where T : SipMessage
    {
        message.Headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        return message.Add(name, value);
    }
}

namespace Streaming.Sip.Message;

/// <summary>The methods we serve and the ones we merely recognise (RFC 3261 §8.2.1: 405 for those, 501 for others).</summary>
internal static class SipMethods
{
    /// <summary>Methods this user agent serves, as sent in Allow.</summary>
    public const string Allowed = "INVITE, ACK, BYE, CANCEL, OPTIONS, UPDATE";

    private static readonly HashSet<string> Served = ["INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "UPDATE"];

    private static readonly HashSet<string> Known =
        [.. Served, "REGISTER", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH", "PRACK", "INFO"];

    /// <summary>A method of the SIP specifications, served or not.</summary>
    public static bool IsKnown(string method) => Known.Contains(method);

    /// <summary>A method this user agent serves.</summary>
    public static bool IsServed(string method) => Served.Contains(method);
}

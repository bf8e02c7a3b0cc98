namespace Streaming.Sip.Message;

/// <summary>Names of the headers the stack reads or writes, and the compact forms of RFC 3261 §7.3.3.</summary>
public static class SipHeaderNames
{
#pragma warning disable CS1591 // The names document themselves.
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string Allow = "Allow";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string Accept = "Accept";
    public const string Reason = "Reason";
    public const string SessionExpires = "Session-Expires";
    public const string MinSe = "Min-SE";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string Authorization = "Authorization";
    public const string RetryAfter = "Retry-After";
    public const string Server = "Server";
    public const string UserAgent = "User-Agent";
    public const string Date = "Date";
    public const string Warning = "Warning";
#pragma warning restore CS1591

    private static readonly Dictionary<string, string> Canonical = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = CallId,
        ["m"] = Contact,
        ["e"] = "Content-Encoding",
        ["l"] = ContentLength,
        ["c"] = ContentType,
        ["f"] = From,
        ["s"] = "Subject",
        ["k"] = Supported,
        ["t"] = To,
        ["v"] = Via,
        ["o"] = "Event",
        ["r"] = "Refer-To",
        ["x"] = SessionExpires,
        ["a"] = "Accept-Contact",
        ["u"] = "Allow-Events",
        ["b"] = "Referred-By",
        ["j"] = "Reject-Contact",
        ["d"] = "Request-Disposition",
        [Via] = Via,
        [From] = From,
        [To] = To,
        [CallId] = CallId,
        [CSeq] = CSeq,
        [Contact] = Contact,
        [MaxForwards] = MaxForwards,
        [ContentLength] = ContentLength,
        [ContentType] = ContentType,
        [Allow] = Allow,
        [Supported] = Supported,
        [Require] = Require,
        [Accept] = Accept,
        [Reason] = Reason,
        [SessionExpires] = SessionExpires,
        [MinSe] = MinSe,
        [WwwAuthenticate] = WwwAuthenticate,
        [Authorization] = Authorization,
        [Date] = Date,
    };

    /// <summary>The canonical long name for <paramref name="name"/> (compact forms expanded; unknown names kept).</summary>
    public static string Normalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;
}

using Streaming.Sip.Message;

namespace Streaming.Sip;

/// <summary>
/// Refusals that need no dialog state, in the order of RFC 3261 §8.2: method (405/501), Request-URI scheme (416),
/// hops (483), required extensions (420) and, for INVITEs whose answer carries SDP, the Accept header (406).
/// </summary>
internal sealed class RequestScreen(SipMetrics metrics)
{
    /// <summary>The extensions we support, as sent in Supported.</summary>
    public const string SupportedExtensions = "timer";

    /// <summary>The refusal for <paramref name="request"/>, or null when it may be served.</summary>
    public SipResponse? Screen(SipRequest request)
    {
        if (!SipMethods.IsKnown(request.Method))
        {
            // The method is not echoed: it is peer input and need not be a valid Reason-Phrase.
            return Refuse(request, 501, "Not Implemented", "unknown_method").Add(SipHeaderNames.Allow, SipMethods.Allowed);
        }

        if (!SipMethods.IsServed(request.Method))
        {
            return Refuse(request, 405, "Method Not Allowed", "method_not_allowed").Add(SipHeaderNames.Allow, SipMethods.Allowed);
        }

        var scheme = SipGrammar.SchemeOf(request.Uri);
        if (!"sip".Equals(scheme, StringComparison.OrdinalIgnoreCase) && !"sips".Equals(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(request, 416, $"Unsupported URI Scheme {scheme}", "uri_scheme");
        }

        if (request[SipHeaderNames.MaxForwards] is { } hops && int.Parse(hops, System.Globalization.CultureInfo.InvariantCulture) == 0 && request.Method != "OPTIONS")
        {
            return SipResponse.For(request, 483, "Too Many Hops");
        }

        var unsupported = request.Values(SipHeaderNames.Require).Where(tag => tag != SupportedExtensions).ToList();
        if (unsupported.Count > 0 && request.Method != "CANCEL")
        {
            return SipResponse.For(request, 420, "Bad Extension").Add("Unsupported", string.Join(", ", unsupported));
        }

        return request.Method == "INVITE" && !AcceptsSdp(request)
            ? Refuse(request, 406, "Not Acceptable (the answer is application/sdp)", "not_acceptable").Add(SipHeaderNames.Accept, "application/sdp")
            : null;
    }

    // No Accept header means application/sdp (RFC 3261 §20.1); an empty one accepts no body at all.
    private static bool AcceptsSdp(SipRequest request) =>
        request[SipHeaderNames.Accept] is null ||
        request.Values(SipHeaderNames.Accept).Select(range => range.Split(';')[0].Trim())
            .Any(range => range is "*/*" || range.Equals("application/*", StringComparison.OrdinalIgnoreCase) || range.Equals("application/sdp", StringComparison.OrdinalIgnoreCase));

    private SipResponse Refuse(SipRequest request, int status, string reason, string metric)
    {
        metrics.Refused(metric);
        return SipResponse.For(request, status, reason);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Streaming.Sip.Auth;
using Streaming.Sip.Message;
using Streaming.Sip.Sdp;

namespace Streaming.Sip.Calls;

/// <summary>An admission decision: a refusal, or the offer and what was negotiated from it.</summary>
/// <param name="Refusal">The response refusing the call, or null when it is admitted.</param>
/// <param name="Offer">The parsed SDP offer.</param>
/// <param name="Streams">One negotiated stream per offered m= line, null where refused.</param>
internal sealed record Admission(SipResponse? Refusal, SdpSession? Offer, List<NegotiatedStream?>? Streams);

/// <summary>Whether a new call may start: peer policy (allow-list, digest), capacity, session timer and the SDP offer.</summary>
internal sealed class CallAdmission(SipIngressOptions options, SipMetrics metrics)
{
    private readonly DigestAuthenticator _digest = new(options.Realm, options.Users);
    private readonly IReadOnlyList<IPNetwork> _allowed = options.AllowedNetworks();

    /// <summary>
    /// Admits or refuses an INVITE from <paramref name="peer"/> (the signalling peer as seen on the wire, which is
    /// what the allow-list is about, not what Via claims) while <paramref name="activeCalls"/> calls run.
    /// </summary>
    public Admission Admit(SipRequest request, IPAddress peer, int activeCalls, string localTag)
    {
        SipResponse Refuse(int status, string reason, string metric)
        {
            metrics.Refused(metric);
            return SipResponse.For(request, status, reason, localTag);
        }

        if (!_allowed.Any(n => n.Contains(peer)))
        {
            if (!_digest.HasUsers)
            {
                return new(Refuse(403, "Forbidden (peer not in allow-list)", "forbidden"), null, null);
            }

            if (!_digest.Verify(request))
            {
                return new(Refuse(401, "Unauthorized", "unauthorized").Add(SipHeaderNames.WwwAuthenticate, _digest.Challenge()), null, null);
            }
        }

        if (activeCalls >= options.MaxCalls)
        {
            return new(Refuse(503, "Call Capacity Reached", "capacity").Add(SipHeaderNames.RetryAfter, "30"), null, null);
        }

        if (request[SipHeaderNames.SessionExpires] is { } se &&
            (!int.TryParse(se.Split(';')[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var interval) || interval < options.MinSessionExpiresSeconds))
        {
            return new(Refuse(422, "Session Interval Too Small", "session_interval").Add(SipHeaderNames.MinSe, options.MinSessionExpiresSeconds.ToString(CultureInfo.InvariantCulture)), null, null);
        }

        return ReadOffer(request, localTag);
    }

    /// <summary>Parses and negotiates the SDP offer of an INVITE, re-INVITE or UPDATE.</summary>
    public Admission ReadOffer(SipRequest request, string localTag)
    {
        if (request.Body.Length == 0)
        {
            metrics.Refused("no_offer");
            return new(SipResponse.For(request, 488, "Not Acceptable Here (SDP offer required)", localTag), null, null);
        }

        if (!(request[SipHeaderNames.ContentType] ?? string.Empty).StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            metrics.Refused("content_type");
            return new(SipResponse.For(request, 415, "Unsupported Media Type", localTag).Add(SipHeaderNames.Accept, "application/sdp"), null, null);
        }

        SdpSession offer;
        try
        {
            offer = SdpSession.Parse(Encoding.UTF8.GetString(request.Body));
        }
        catch (FormatException ex)
        {
            metrics.Malformed(400);
            return new(SipResponse.For(request, 400, $"Malformed SDP: {ex.Message}", localTag), null, null);
        }

        var streams = SdpAnswerer.Negotiate(offer);
        if (streams.All(s => s is null))
        {
            metrics.Refused("no_common_codec");
            return new(SipResponse.For(request, 488, "Not Acceptable Here", localTag).Add(SipHeaderNames.Warning, "305 streaming \"No common audio codec (PCMU, PCMA, G722, opus)\""), null, null);
        }

        return new(null, offer, streams);
    }

    /// <summary>The session interval granted (RFC 4028), or null when the peer cannot refresh.</summary>
    public int? SessionInterval(SipRequest request)
    {
        if (!request.Values(SipHeaderNames.Supported).Contains("timer"))
        {
            // The peer cannot refresh; the no-RTP watchdog still ends dead calls.
            return null;
        }

        var se = request[SipHeaderNames.SessionExpires];
        return se is null ? options.SessionExpiresSeconds : int.Parse(se.Split(';')[0].Trim(), CultureInfo.InvariantCulture);
    }
}

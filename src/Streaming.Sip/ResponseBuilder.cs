using System.Text;
using Streaming.Sip.Calls;
using Streaming.Sip.Message;
using Streaming.Sip.Transport;

namespace Streaming.Sip;

/// <summary>
/// What our responses and requests say about us: capabilities (Allow, Accept, Supported), Contact and Via for a
/// flow, the session timer, and the 2xx that carries a call's SDP answer.
/// </summary>
internal sealed class ResponseBuilder(SipIngressOptions options)
{
    /// <summary>Our UDP SIP port, for Via and Contact of UDP flows.</summary>
    public int UdpPort { get; set; }

    /// <summary>Our TCP SIP port, for Via and Contact of TCP flows.</summary>
    public int TcpPort { get; set; }

    /// <summary>Adds Allow, Accept, Supported and Server.</summary>
    public SipResponse WithCapabilities(SipResponse response) =>
        response.Add(SipHeaderNames.Allow, SipMethods.Allowed)
            .Add(SipHeaderNames.Accept, "application/sdp")
            .Add(SipHeaderNames.Supported, RequestScreen.SupportedExtensions)
            .Add(SipHeaderNames.Server, "Streaming");

    /// <summary>The 2xx to an INVITE (or an UPDATE with an offer): capabilities, Contact, Record-Route, session timer and SDP answer.</summary>
    public SipResponse Answer(SipCall call, SipRequest request)
    {
        var response = WithCapabilities(SipResponse.For(request, 200, "OK", call.LocalTag));
        response.Add(SipHeaderNames.Contact, Contact(call.Flow));
        foreach (var route in request.Headers.Where(h => h.Name == "Record-Route"))
        {
            response.Add(route.Name, route.Value);
        }

        WithSessionTimer(call, response).Add(SipHeaderNames.ContentType, "application/sdp");
        response.Body = Encoding.UTF8.GetBytes(call.LastAnswer!);
        return response;
    }

    /// <summary>The 2xx to an in-dialog request without an offer.</summary>
    public SipResponse Refreshed(SipCall call, SipRequest request) =>
        WithSessionTimer(call, WithCapabilities(SipResponse.For(request, 200, "OK")).Add(SipHeaderNames.Contact, Contact(call.Flow)));

    /// <summary>Our Via for a request sent over <paramref name="flow"/>.</summary>
    public string Via(SipFlow flow, string branch) =>
        $"SIP/2.0/{flow.Protocol} {options.MediaAddress}:{PortFor(flow)};branch={branch};rport";

    // RFC 4028 §9: a 2xx to a session refresh names the interval and who refreshes (the caller: we never do).
    private static SipResponse WithSessionTimer(SipCall call, SipResponse response) =>
        call.SessionExpires is { } interval
            ? response.Add(SipHeaderNames.SessionExpires, $"{interval};refresher=uac").Add(SipHeaderNames.Require, "timer")
            : response;

    private string Contact(SipFlow flow) =>
        $"<sip:streaming@{options.MediaAddress}:{PortFor(flow)};transport={flow.Protocol.ToLowerInvariant()}>";

    private int PortFor(SipFlow flow) => flow.IsReliable ? TcpPort : UdpPort;
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Streaming.WebRtc.Sdp;

/// <summary>
/// Writes the answer of an ICE-lite, DTLS-passive, receive-only endpoint: the offer's audio section accepted
/// with Opus only, every other section rejected (port 0), one host candidate, rtcp-mux.
/// </summary>
internal static class SdpAnswerBuilder
{
    /// <summary>The answer to <paramref name="offer"/>.</summary>
    /// <param name="offer">The parsed offer.</param>
    /// <param name="candidate">Address and port the peer should send to.</param>
    /// <param name="ufrag">Our ICE username fragment.</param>
    /// <param name="pwd">Our ICE password.</param>
    /// <param name="fingerprint">Our certificate's SHA-256 fingerprint as colon-separated hex.</param>
    /// <param name="sessionId">Origin session id.</param>
    public static string Build(SdpOffer offer, IPEndPoint candidate, string ufrag, string pwd, string fingerprint, ulong sessionId)
    {
        var inv = CultureInfo.InvariantCulture;
        var family = candidate.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var address = candidate.Address.ToString();
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(text).Append("\r\n");

        Line("v=0");
        Line(string.Create(inv, $"o=- {sessionId} 2 IN {family} {address}"));
        Line("s=-");
        Line("t=0 0");
        Line("a=ice-lite");
        if (offer.Audio.Mid is { } audioMid)
        {
            Line($"a=group:BUNDLE {audioMid}");
        }

        for (var i = 0; i < offer.Sections.Count; i++)
        {
            var section = offer.Sections[i];
            if (i != offer.AudioIndex)
            {
                Line($"m={section.Kind} 0 {section.Protocol} {section.FormatText}");
                Line($"c=IN {family} {address}");
                if (section.Mid is { } mid)
                {
                    Line($"a=mid:{mid}");
                }

                Line("a=inactive");
                continue;
            }

            var pt = offer.OpusPayloadType;
            Line(string.Create(inv, $"m=audio {candidate.Port} {section.Protocol} {pt}"));
            Line($"c=IN {family} {address}");
            if (section.Mid is { } audio)
            {
                Line($"a=mid:{audio}");
            }

            Line($"a=ice-ufrag:{ufrag}");
            Line($"a=ice-pwd:{pwd}");
            Line($"a=fingerprint:sha-256 {fingerprint}");
            Line("a=setup:passive");
            Line("a=recvonly");
            Line("a=rtcp-mux");
            Line(string.Create(inv, $"a=rtpmap:{pt} opus/48000/2"));
            Line(string.Create(inv, $"a=fmtp:{pt} minptime=10;useinbandfec=1"));
            Line(string.Create(inv, $"a=candidate:1 1 udp 2130706431 {address} {candidate.Port} typ host"));
            Line("a=end-of-candidates");
        }

        return sb.ToString();
    }
}

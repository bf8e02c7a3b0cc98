using System.Globalization;
using System.Net;
using System.Text;
using Streaming.Sip.Rtp;

namespace Streaming.Sip.Sdp;

/// <summary>
/// Builds our answer to an SDP offer (RFC 3264): per audio m= line, the first offered codec we can decode
/// (PCMU, PCMA, G.722, Opus) is accepted and the line is answered recvonly (we only listen); other lines are
/// refused with port 0.
/// </summary>
internal static class SdpAnswerer
{
    /// <summary>Chooses codecs for every m= line; index i of the result is null when line i is refused.</summary>
    public static List<NegotiatedStream?> Negotiate(SdpSession offer)
    {
        var streams = new List<NegotiatedStream?>();
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var media = offer.Media[i];
            var choice = media.Type == "audio" && media.Port != 0 && media.Protocol.StartsWith("RTP/", StringComparison.Ordinal)
                ? media.Formats.Select(f => Match(media, f)).FirstOrDefault(m => m is not null)
                : null;
            var address = media.ConnectionAddress ?? offer.ConnectionAddress;
            IPEndPoint? remote = address is not null && IPAddress.TryParse(address, out var ip) ? new IPEndPoint(ip, media.Port) : null;
            streams.Add(choice is { } c ? new NegotiatedStream(i, c.Codec, c.PayloadType, c.Channels, remote, media.Direction, media.Label) : null);
        }

        return streams;
    }

    /// <summary>Writes the answer; <paramref name="ports"/> gives our RTP port for each accepted line.</summary>
    public static string Write(SdpSession offer, IReadOnlyList<NegotiatedStream?> streams, IReadOnlyDictionary<int, int> ports, string address, long sessionId, long version)
    {
        var family = IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4";
        var sdp = new StringBuilder()
            .Append("v=0\r\n")
            .Append(CultureInfo.InvariantCulture, $"o=streaming {sessionId} {version} IN {family} {address}\r\n")
            .Append("s=streaming\r\n")
            .Append(CultureInfo.InvariantCulture, $"c=IN {family} {address}\r\n")
            .Append("t=0 0\r\n");
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var media = offer.Media[i];
            if (streams[i] is not { } stream)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"m={media.Type} 0 {media.Protocol} {media.Formats.FirstOrDefault() ?? "0"}\r\n");
                continue;
            }

            sdp.Append(CultureInfo.InvariantCulture, $"m=audio {ports[i]} {media.Protocol} {stream.PayloadType}\r\n")
                .Append(CultureInfo.InvariantCulture, $"a=rtpmap:{stream.PayloadType} {RtpMap(stream)}\r\n");
            if (stream.Codec == RtpCodec.Opus && stream.Channels == 2)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=fmtp:{stream.PayloadType} stereo=1; sprop-stereo=1\r\n");
            }

            if (stream.Label is not null)
            {
                sdp.Append(CultureInfo.InvariantCulture, $"a=label:{stream.Label}\r\n");
            }

            sdp.Append(stream.PeerSends ? "a=recvonly\r\n" : "a=inactive\r\n");
        }

        return sdp.ToString();
    }

    private static string RtpMap(NegotiatedStream stream) => stream.Codec switch
    {
        RtpCodec.Pcmu => "PCMU/8000",
        RtpCodec.Pcma => "PCMA/8000",
        RtpCodec.G722 => "G722/8000",
        _ => "opus/48000/2",
    };

    private static (RtpCodec Codec, int PayloadType, int Channels)? Match(SdpMedia media, string format)
    {
        if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
        {
            return null;
        }

        var map = media.RtpMaps.TryGetValue(pt, out var m) ? m.ToUpperInvariant() : pt switch
        {
            0 => "PCMU/8000",
            8 => "PCMA/8000",
            9 => "G722/8000",
            _ => string.Empty,
        };
        var stereo = media.Fmtp.TryGetValue(pt, out var fmtp) && fmtp.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("stereo=1", StringComparison.Ordinal);
        return map switch
        {
            "PCMU/8000" or "PCMU/8000/1" => (RtpCodec.Pcmu, pt, 1),
            "PCMA/8000" or "PCMA/8000/1" => (RtpCodec.Pcma, pt, 1),
            "G722/8000" or "G722/8000/1" => (RtpCodec.G722, pt, 1),
            "OPUS/48000/2" or "OPUS/48000" => (RtpCodec.Opus, pt, stereo ? 2 : 1),
            _ => null,
        };
    }
}

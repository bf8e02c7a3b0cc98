using System.Globalization;

namespace Streaming.Sip.Sdp;

/// <summary>The parts of an SDP body (RFC 4566) that offer/answer needs: connection address and media sections.</summary>
internal sealed class SdpSession
{
    public string? ConnectionAddress { get; private set; }

    public List<SdpMedia> Media { get; } = [];

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the bad line.</summary>
    public static SdpSession Parse(string text)
    {
        var session = new SdpSession();
        var sessionDirection = SdpDirection.SendRecv;
        SdpMedia? media = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0].Trim() != "v=0")
        {
            throw new FormatException("SDP must start with v=0");
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length < 2 || line[1] != '=')
            {
                throw new FormatException($"Malformed SDP line '{line}'");
            }

            var value = line[2..];
            switch (line[0])
            {
                case 'c':
                    var address = ParseConnection(value);
                    if (media is null)
                    {
                        session.ConnectionAddress = address;
                    }
                    else
                    {
                        media.ConnectionAddress = address;
                    }

                    break;
                case 'm':
                    media = ParseMedia(value, sessionDirection);
                    session.Media.Add(media);
                    break;
                case 'a':
                    var direction = ParseAttribute(value, media);
                    if (direction is { } d)
                    {
                        if (media is null)
                        {
                            sessionDirection = d;
                        }
                        else
                        {
                            media.Direction = d;
                        }
                    }

                    break;
            }
        }

        return session;
    }

    private static string ParseConnection(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 && parts[0] == "IN" && parts[1] is "IP4" or "IP6"
            ? parts[2].Split('/')[0]
            : throw new FormatException($"Malformed SDP connection 'c={value}'");
    }

    private static SdpMedia ParseMedia(string value, SdpDirection direction)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4 || !int.TryParse(parts[1].Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"Malformed SDP media 'm={value}'");
        }

        return new SdpMedia { Type = parts[0], Port = port, Protocol = parts[2], Formats = [.. parts[3..]], Direction = direction };
    }

    private static SdpDirection? ParseAttribute(string value, SdpMedia? media)
    {
        switch (value)
        {
            case "sendrecv": return SdpDirection.SendRecv;
            case "sendonly": return SdpDirection.SendOnly;
            case "recvonly": return SdpDirection.RecvOnly;
            case "inactive": return SdpDirection.Inactive;
        }

        var colon = value.IndexOf(':');
        if (media is null || colon < 0)
        {
            return null;
        }

        var name = value[..colon];
        var rest = value[(colon + 1)..];
        if (name == "label")
        {
            media.Label = rest.Trim();
            return null;
        }

        var space = rest.IndexOf(' ');
        if (space > 0 && int.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
        {
            if (name == "rtpmap")
            {
                media.RtpMaps[pt] = rest[(space + 1)..].Trim();
            }
            else if (name == "fmtp")
            {
                media.Fmtp[pt] = rest[(space + 1)..].Trim();
            }
        }

        return null;
    }
}

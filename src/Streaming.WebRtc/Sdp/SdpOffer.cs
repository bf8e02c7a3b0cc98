using System.Globalization;

namespace Streaming.WebRtc.Sdp;

/// <summary>
/// What the answer needs from a WebRTC offer (RFC 8829/8866): the audio section with its Opus payload type,
/// the peer's ICE credentials and DTLS fingerprint, and every m-line's kind and mid (rejected ones are echoed
/// with port 0).
/// </summary>
internal sealed record SdpOffer(
    IReadOnlyList<SdpMediaSection> Sections,
    int AudioIndex,
    int OpusPayloadType,
    int OpusChannels,
    string IceUfrag,
    string IcePwd,
    string FingerprintAlgorithm,
    byte[] Fingerprint)
{
    /// <summary>The audio section that will be received.</summary>
    public SdpMediaSection Audio => Sections[AudioIndex];

    /// <summary>Parses an offer; throws <see cref="WhipOfferException"/> naming what is missing or unusable.</summary>
    public static SdpOffer Parse(string sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        var lines = sdp.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || lines[0] != "v=0")
        {
            throw new WhipOfferException("The body is not an SDP offer (it must start with v=0).");
        }

        var session = new List<string>();
        var sections = new List<SdpMediaSection>();
        List<string>? current = null;
        string? currentLine = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                if (currentLine is not null)
                {
                    sections.Add(SdpMediaSection.Parse(currentLine, current!));
                }

                currentLine = line;
                current = [];
            }
            else if (line.StartsWith("a=", StringComparison.Ordinal))
            {
                (current ?? session).Add(line[2..]);
            }
        }

        if (currentLine is not null)
        {
            sections.Add(SdpMediaSection.Parse(currentLine, current!));
        }

        var audioIndex = sections.FindIndex(s => s.Kind == "audio" && s.Port != 0);
        if (audioIndex < 0)
        {
            throw new WhipOfferException("The offer has no audio m-line: publish one audio track.");
        }

        var audio = sections[audioIndex];
        var (payloadType, channels) = FindOpus(audio);
        if (audio.Direction is "recvonly" or "inactive")
        {
            throw new WhipOfferException($"The offer's audio is '{audio.Direction}': it must send audio (sendonly or sendrecv).");
        }

        if (!audio.Protocol.Contains("SAVPF", StringComparison.Ordinal) && !audio.Protocol.Contains("SAVP", StringComparison.Ordinal))
        {
            throw new WhipOfferException($"The offer's audio uses '{audio.Protocol}'; only DTLS-SRTP (UDP/TLS/RTP/SAVPF) is accepted.");
        }

        if (!audio.Has("rtcp-mux"))
        {
            throw new WhipOfferException("The offer's audio lacks a=rtcp-mux; RTP and RTCP must share one port.");
        }

        var ufrag = audio.Value("ice-ufrag") ?? Value(session, "ice-ufrag")
            ?? throw new WhipOfferException("The offer has no a=ice-ufrag.");
        var pwd = audio.Value("ice-pwd") ?? Value(session, "ice-pwd")
            ?? throw new WhipOfferException("The offer has no a=ice-pwd.");
        var fingerprint = audio.Value("fingerprint") ?? Value(session, "fingerprint")
            ?? throw new WhipOfferException("The offer has no a=fingerprint; DTLS-SRTP needs the peer's certificate fingerprint.");
        var setup = audio.Value("setup") ?? Value(session, "setup") ?? "actpass";
        if (setup == "passive")
        {
            throw new WhipOfferException("The offer says a=setup:passive; this server is always the DTLS server (passive), so the offer must be actpass or active.");
        }

        var (algorithm, digest) = ParseFingerprint(fingerprint);
        return new SdpOffer(sections, audioIndex, payloadType, channels, ufrag, pwd, algorithm, digest);
    }

    private static (int PayloadType, int Channels) FindOpus(SdpMediaSection audio)
    {
        foreach (var rtpmap in audio.Values("rtpmap"))
        {
            // rtpmap:<pt> <name>/<rate>[/<channels>]
            var space = rtpmap.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !int.TryParse(rtpmap.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
            {
                continue;
            }

            var parts = rtpmap[(space + 1)..].Split('/');
            if (parts[0].Equals("opus", StringComparison.OrdinalIgnoreCase) && parts.Length >= 2 && parts[1] == "48000"
                && audio.Formats.Contains(pt))
            {
                return (pt, parts.Length > 2 && parts[2] == "2" ? 2 : 1);
            }
        }

        throw new WhipOfferException("The offer's audio has no Opus codec (opus/48000); only Opus is accepted.");
    }

    private static (string Algorithm, byte[] Digest) ParseFingerprint(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw new WhipOfferException($"a=fingerprint:{value} is malformed.");
        }

        var algorithm = value[..space].ToLowerInvariant();
        if (algorithm is not ("sha-256" or "sha-384" or "sha-512" or "sha-1"))
        {
            throw new WhipOfferException($"Fingerprint hash '{algorithm}' is not supported (sha-256, sha-384, sha-512, sha-1).");
        }

        try
        {
            return (algorithm, Convert.FromHexString(value[(space + 1)..].Trim().Replace(":", "", StringComparison.Ordinal)));
        }
        catch (FormatException)
        {
            throw new WhipOfferException($"a=fingerprint:{value} is not hex.");
        }
    }

    private static string? Value(List<string> attributes, string name)
    {
        var prefix = name + ":";
        return attributes.FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }
}

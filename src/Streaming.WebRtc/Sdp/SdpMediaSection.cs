using System.Globalization;

namespace Streaming.WebRtc.Sdp;

/// <summary>One m-line of an offer with its attributes (the text after <c>a=</c>).</summary>
internal sealed record SdpMediaSection(string Kind, int Port, string Protocol, IReadOnlyList<int> Formats, string FormatText, IReadOnlyList<string> Attributes)
{
    /// <summary>a=mid, or null.</summary>
    public string? Mid => Value("mid");

    /// <summary>sendrecv, sendonly, recvonly or inactive (sendrecv when absent).</summary>
    public string Direction => Attributes.FirstOrDefault(a => a is "sendrecv" or "sendonly" or "recvonly" or "inactive") ?? "sendrecv";

    /// <summary>Parses <c>m=kind port proto fmt...</c> and its attributes.</summary>
    public static SdpMediaSection Parse(string mLine, IReadOnlyList<string> attributes)
    {
        var parts = mLine[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            throw new WhipOfferException($"'{mLine}' is not a valid m-line.");
        }

        var port = parts[1].Split('/')[0];
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var portNumber))
        {
            throw new WhipOfferException($"'{mLine}' has no valid port.");
        }

        var formats = parts.Skip(3).Select(f => int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) ? pt : -1).Where(pt => pt >= 0).ToArray();
        return new SdpMediaSection(parts[0], portNumber, parts[2], formats, string.Join(' ', parts.Skip(3)), attributes);
    }

    /// <summary>True when the flag attribute <paramref name="name"/> is present.</summary>
    public bool Has(string name) => Attributes.Contains(name);

    /// <summary>The value of the first <c>name:value</c> attribute, or null.</summary>
    public string? Value(string name) => Values(name).FirstOrDefault();

    /// <summary>Values of every <c>name:value</c> attribute.</summary>
    public IEnumerable<string> Values(string name)
    {
        var prefix = name + ":";
        return Attributes.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).Select(a => a[prefix.Length..]);
    }
}

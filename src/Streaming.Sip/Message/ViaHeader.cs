using System.Globalization;

namespace Streaming.Sip.Message;

/// <summary>
/// One Via value (RFC 3261 §20.42): sent-protocol, sent-by and parameters, read with the linear white space the
/// grammar allows around '/', ';' and '=' (RFC 4475 §3.1.1.1).
/// </summary>
/// <param name="Transport">Transport token, upper-cased (UDP, TCP, TLS, SCTP, or an extension).</param>
/// <param name="Host">Host of sent-by, lower-cased.</param>
/// <param name="Port">Port of sent-by, or null when absent.</param>
/// <param name="Branch">The branch parameter, or null.</param>
internal readonly record struct ViaHeader(string Transport, string Host, int? Port, string? Branch)
{
    /// <summary>The branch prefix of RFC 3261 §8.1.1.7; without it the RFC 2543 matching rules apply.</summary>
    public const string MagicCookie = "z9hG4bK";

    /// <summary>sent-by as compared in transaction matching: host and the port, defaulted by transport.</summary>
    public string SentBy => $"{Host}:{(Port ?? (Transport == "TLS" ? 5061 : 5060)).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>True when the branch carries the RFC 3261 magic cookie.</summary>
    public bool HasCookie => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;

    /// <summary>Parses one Via value; throws <see cref="SipParseException"/> (400) naming what is wrong.</summary>
    public static ViaHeader Parse(string value)
    {
        var parts = value.Split(';');
        var protocol = parts[0].Split('/', 3);
        if (protocol.Length != 3 || !protocol[0].Trim().Equals("SIP", StringComparison.OrdinalIgnoreCase) || protocol[1].Trim() != "2.0")
        {
            throw Malformed(value, "sent-protocol is not SIP/2.0/transport");
        }

        var rest = protocol[2].Trim();
        var space = rest.IndexOfAny([' ', '\t']);
        var transport = space < 0 ? rest : rest[..space];
        var sentBy = space < 0 ? string.Empty : rest[space..].Trim();
        if (transport.Length == 0 || !transport.All(SipGrammar.IsTokenChar))
        {
            throw Malformed(value, "bad transport");
        }

        var (host, port) = ParseSentBy(sentBy) ?? throw Malformed(value, "bad sent-by");
        string? branch = null;
        foreach (var parameter in parts.Skip(1))
        {
            var eq = parameter.IndexOf('=');
            var name = (eq < 0 ? parameter : parameter[..eq]).Trim();
            var paramValue = eq < 0 ? string.Empty : parameter[(eq + 1)..].Trim();
            if (name.Length == 0 || !name.All(SipGrammar.IsTokenChar) || (eq >= 0 && paramValue.Length == 0))
            {
                throw Malformed(value, "empty or bad parameter");
            }

            if (name.Equals("branch", StringComparison.OrdinalIgnoreCase))
            {
                branch = paramValue;
            }
        }

        return new ViaHeader(transport.ToUpperInvariant(), host, port, branch);
    }

    private static (string Host, int? Port)? ParseSentBy(string sentBy)
    {
        var hostEnd = sentBy.StartsWith('[') ? sentBy.IndexOf(']') + 1 : sentBy.IndexOf(':') is var colon and >= 0 ? colon : sentBy.Length;
        if (hostEnd <= 0)
        {
            return null;
        }

        var host = sentBy[..hostEnd];
        var portText = sentBy[hostEnd..];
        int? port = null;
        if (portText.Length > 0)
        {
            if (portText[0] != ':' || !int.TryParse(portText.AsSpan(1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return null;
            }

            port = p;
        }

        var validHost = host.StartsWith('[') ? host.Length > 2 : host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
        return validHost ? (host.ToLowerInvariant(), port) : null;
    }

    private static SipParseException Malformed(string value, string why) =>
        new(400, $"Malformed Via header ({why}): '{SipGrammar.Shorten(value)}'");
}

using System.Globalization;
using System.Text;

namespace Streaming.Sip.Message;

/// <summary>
/// Parses one SIP message (a UDP datagram or one framed TCP message) per the RFC 3261 grammar: compact header
/// names, folded header lines, repeated and comma-joined headers, Content-Length framing of the body.
/// Faults raise <see cref="SipParseException"/> carrying the status a request like it deserves.
/// </summary>
public static class SipParser
{
    private static readonly string[] RequiredRequestHeaders =
        [SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq];

    // Headers whose grammar allows one value only (RFC 3261 §20; RFC 4475 §3.3.8: several are refused with 400).
    private static readonly string[] SingleValueHeaders =
        [SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.MaxForwards,
         SipHeaderNames.ContentType, SipHeaderNames.Date, SipHeaderNames.SessionExpires];

    /// <summary>Parses <paramref name="data"/>; messages longer than <paramref name="maxBytes"/> are refused with 413.</summary>
    public static SipMessage Parse(ReadOnlySpan<byte> data, int maxBytes)
    {
        var headEnd = FindHeadEnd(data, out var separatorLength);
        var headLength = headEnd < 0 ? data.Length : headEnd;
        var lines = Unfold(Encoding.UTF8.GetString(data[..headLength]));
        if (lines.Count == 0)
        {
            throw new SipParseException(400, "Empty message");
        }

        var (headers, headerError) = ParseHeaders(lines);
        var message = CreateStartLine(lines[0], out var startLineError);
        message.Headers.AddRange(headers);
        var partial = message as SipRequest;

        var error = startLineError ?? headerError;
        if (error is null && data.Length > maxBytes)
        {
            error = new SipParseException(413, $"Message of {data.Length} bytes exceeds the {maxBytes}-byte limit");
        }

        if (error is null)
        {
            var bodyStart = headEnd < 0 ? data.Length : headEnd + separatorLength;
            error = ReadBody(message, data[bodyStart..]);
        }

        if (error is null && message is SipRequest request)
        {
            error = Validate(request);
        }

        if (error is not null)
        {
            throw new SipParseException(error.StatusCode, error.Message) { PartialRequest = partial };
        }

        return message;
    }

    /// <summary>Index of the empty line ending the head, or -1; accepts CRLF and bare LF line ends.</summary>
    internal static int FindHeadEnd(ReadOnlySpan<byte> data, out int separatorLength)
    {
        var crlf = data.IndexOf("\r\n\r\n"u8);
        var lf = data.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            separatorLength = 4;
            return crlf;
        }

        separatorLength = 2;
        return lf;
    }

    /// <summary>The declared Content-Length of a head, or null when absent; throws 400 when it is not a number.</summary>
    internal static int? DeclaredContentLength(IEnumerable<SipHeader> headers)
    {
        int? declared = null;
        foreach (var header in headers.Where(h => h.Name == SipHeaderNames.ContentLength))
        {
            if (!int.TryParse(header.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new SipParseException(400, $"Malformed Content-Length '{header.Value}'");
            }

            if (declared is { } previous && previous != length)
            {
                throw new SipParseException(400, "Conflicting Content-Length headers");
            }

            declared = length;
        }

        return declared;
    }

    /// <summary>Parses the headers of a head (start line included) for framing; throws 400 on a bad header line.</summary>
    internal static List<SipHeader> HeadersOf(string head)
    {
        var (headers, error) = ParseHeaders(Unfold(head));
        return error is null ? headers : throw error;
    }

    /// <summary>Best-effort request from a head alone, so a framing fault can still be answered; null for responses.</summary>
    internal static SipRequest? PartialRequestOf(string head)
    {
        var lines = Unfold(head);
        if (lines.Count == 0 || lines[0].StartsWith("SIP/", StringComparison.Ordinal))
        {
            return null;
        }

        var request = (SipRequest)CreateStartLine(lines[0], out _);
        request.Headers.AddRange(ParseHeaders(lines).Headers);
        return request;
    }

    private static List<string> Unfold(string head)
    {
        var lines = new List<string>();
        foreach (var raw in head.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && lines.Count > 1)
            {
                // Folding (RFC 3261 §7.3.1): a continuation line joins the previous one with one space.
                lines[^1] = lines[^1].TrimEnd() + " " + raw.Trim();
            }
            else if (raw.Length > 0)
            {
                // Empty lines only precede the start line or end a head stored without its final CRLF.
                lines.Add(raw);
            }
        }

        return lines;
    }

    private static (List<SipHeader> Headers, SipParseException? Error) ParseHeaders(List<string> lines)
    {
        var headers = new List<SipHeader>();
        SipParseException? error = null;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            var name = colon > 0 ? line[..colon].TrimEnd() : string.Empty;
            if (name.Length == 0 || !name.All(SipGrammar.IsTokenChar))
            {
                error ??= new SipParseException(400, $"Malformed header line '{SipGrammar.Shorten(line)}'");
                continue;
            }

            headers.Add(new SipHeader(SipHeaderNames.Normalize(name), line[(colon + 1)..].Trim()));
        }

        return (headers, error);
    }

    private static SipMessage CreateStartLine(string line, out SipParseException? error)
    {
        error = null;
        var parts = line.Split(' ');
        if (line.StartsWith("SIP/", StringComparison.Ordinal))
        {
            if (parts.Length >= 3 && parts[0] == "SIP/2.0" && parts[1].Length == 3 &&
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 100)
            {
                return new SipResponse(status, string.Join(' ', parts[2..]));
            }

            throw new SipParseException(400, $"Malformed status line '{SipGrammar.Shorten(line)}'");
        }

        // Exactly one SP between the three parts (RFC 4475 §3.1.2.7-9: extra or trailing white space is refused).
        if (parts.Length != 3 || parts[0].Length == 0 || !parts[0].All(SipGrammar.IsTokenChar) || parts[1].Length == 0)
        {
            error = new SipParseException(400, $"Malformed request line '{SipGrammar.Shorten(line)}'");
            return new SipRequest(parts.Length > 0 && parts[0].All(SipGrammar.IsTokenChar) ? parts[0] : "UNKNOWN", "sip:invalid");
        }

        if (SipGrammar.SchemeOf(parts[1]) is null)
        {
            error = new SipParseException(400, $"Malformed Request-URI '{SipGrammar.Shorten(parts[1])}' (no scheme, or in angle brackets)");
            return new SipRequest(parts[0], "sip:invalid");
        }

        if (!parts[2].Equals("SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            error = new SipParseException(505, $"SIP version '{SipGrammar.Shorten(parts[2])}' not supported");
        }

        return new SipRequest(parts[0], parts[1]);
    }

    private static SipParseException? ReadBody(SipMessage message, ReadOnlySpan<byte> rest)
    {
        int? declared;
        try
        {
            declared = DeclaredContentLength(message.Headers);
        }
        catch (SipParseException ex)
        {
            return ex;
        }

        if (declared > rest.Length)
        {
            return new SipParseException(400, $"Content-Length {declared} exceeds the {rest.Length} body bytes received");
        }

        // Over UDP a missing Content-Length means "the rest of the datagram"; a shorter one truncates (RFC 3261 §18.3).
        message.Body = rest[..(declared ?? rest.Length)].ToArray();
        return null;
    }

    private static SipParseException? Validate(SipRequest request)
    {
        var missing = RequiredRequestHeaders.FirstOrDefault(name => request[name] is null);
        if (missing is not null)
        {
            return new SipParseException(400, $"Missing {missing} header");
        }

        CSeq cseq;
        try
        {
            cseq = request.CSeq;
        }
        catch (SipParseException ex)
        {
            return ex;
        }

        if (cseq.Method != request.Method)
        {
            // RFC 4475 §3.1.2.17: for a method we do not implement, 501 says more than 400.
            return SipMethods.IsKnown(request.Method)
                ? new SipParseException(400, $"CSeq method {cseq.Method} does not match request method {request.Method}")
                : new SipParseException(501, "Not Implemented");
        }

        var repeated = SingleValueHeaders.FirstOrDefault(name => request.Headers.Count(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) > 1);
        if (repeated is not null)
        {
            return new SipParseException(400, $"Multiple {repeated} headers");
        }

        var uriFault = RequestUriFault(request.Uri);
        if (uriFault is not null)
        {
            return new SipParseException(400, $"Malformed Request-URI ({uriFault})");
        }

        var maxForwards = request[SipHeaderNames.MaxForwards];
        if (maxForwards is not null && !int.TryParse(maxForwards, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return new SipParseException(400, $"Malformed Max-Forwards '{SipGrammar.Shorten(maxForwards)}'");
        }

        try
        {
            foreach (var via in request.Values(SipHeaderNames.Via))
            {
                ViaHeader.Parse(via);
            }
        }
        catch (SipParseException ex)
        {
            return ex;
        }

        return AddressFault(request) ?? DateFault(request[SipHeaderNames.Date]);
    }

    // sip and sips URIs may not carry headers in a Request-URI (RFC 3261 §19.1.5, RFC 4475 §3.1.2.10); '?' in the
    // user part is allowed, so only what follows '@' is checked.
    private static string? RequestUriFault(string uri)
    {
        var scheme = SipGrammar.SchemeOf(uri)!;
        if (!scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hostPart = uri[(Math.Max(uri.IndexOf('@'), scheme.Length) + 1)..];
        return hostPart.Contains('?') ? "headers are not allowed in a Request-URI"
            : uri.Contains('<') || uri.Contains('>') ? "angle brackets"
            : null;
    }

    private static SipParseException? AddressFault(SipRequest request)
    {
        foreach (var name in new[] { SipHeaderNames.From, SipHeaderNames.To })
        {
            if (AddressSyntax.Fault(request[name]!) is { } fault)
            {
                return new SipParseException(400, $"Malformed {name} header ({fault})");
            }
        }

        var contacts = request.Values(SipHeaderNames.Contact).Where(c => c != "*");
        return contacts.Select(AddressSyntax.Fault).FirstOrDefault(f => f is not null) is { } contactFault
            ? new SipParseException(400, $"Malformed Contact header ({contactFault})")
            : null;
    }

    // Date must be an RFC 1123 date in GMT (RFC 3261 §20.17, RFC 4475 §3.1.2.11).
    private static SipParseException? DateFault(string? date) =>
        date is null || DateTime.TryParseExact(date, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _)
            ? null
            : new SipParseException(400, "Malformed Date header (RFC 1123 time in GMT required)");
}

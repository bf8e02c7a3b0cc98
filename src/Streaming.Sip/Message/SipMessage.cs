using System.Text;

namespace Streaming.Sip.Message;

/// <summary>A SIP request or response: ordered headers and an opaque body.</summary>
public abstract class SipMessage
{
    /// <summary>Headers in wire order; a header that appears several times keeps every occurrence.</summary>
    public List<SipHeader> Headers { get; } = [];

    /// <summary>The message body (SDP for INVITEs), empty when there is none.</summary>
    public byte[] Body { get; set; } = [];

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>Every value of <paramref name="name"/>, with comma-separated lists split into their elements.</summary>
    public IEnumerable<string> Values(string name) =>
        Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => HeaderValue.SplitList(h.Value));

    /// <summary>The Call-ID (empty when missing, which the parser rejects for requests).</summary>
    public string CallId => this[SipHeaderNames.CallId] ?? string.Empty;

    /// <summary>The parsed CSeq header.</summary>
    public CSeq CSeq => CSeq.Parse(this[SipHeaderNames.CSeq]);

    /// <summary>The branch parameter of the top Via, which names the transaction.</summary>
    public string TopBranch => HeaderValue.Parameter(Values(SipHeaderNames.Via).FirstOrDefault() ?? string.Empty, "branch") ?? string.Empty;

    /// <summary>The start line, without CRLF.</summary>
    protected abstract string StartLine { get; }

    /// <summary>Serialises the message with a Content-Length that matches the body.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder(StartLine).Append("\r\n");
        foreach (var header in Headers.Where(h => h.Name != SipHeaderNames.ContentLength))
        {
            text.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        text.Append(SipHeaderNames.ContentLength).Append(": ").Append(Body.Length).Append("\r\n\r\n");
        var head = Encoding.UTF8.GetBytes(text.ToString());
        return [.. head, .. Body];
    }

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}

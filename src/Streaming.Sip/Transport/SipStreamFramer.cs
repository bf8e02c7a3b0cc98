using System.Text;
using Streaming.Sip.Message;

namespace Streaming.Sip.Transport;

/// <summary>
/// Cuts a TCP byte stream into SIP messages using the head's blank line and Content-Length (RFC 3261 §18.3);
/// CRLF keep-alives between messages are skipped. A head or body past the size limit raises 413, a head without
/// Content-Length 400 (mandatory on streams, §20.14: the rest of the stream could not be framed).
/// </summary>
internal sealed class SipStreamFramer(int maxMessageBytes)
{
    private readonly List<byte> _buffer = [];

    /// <summary>True when bytes of an incomplete message are buffered (keep-alive CRLFs aside).</summary>
    public bool HasPartial => _buffer.Any(b => b != '\r' && b != '\n');

    /// <summary>Adds received bytes.</summary>
    public void Append(ReadOnlySpan<byte> data) => _buffer.AddRange(data);

    /// <summary>Takes the next complete message, or returns false when more bytes are needed.</summary>
    public bool TryTake(out byte[] message)
    {
        message = [];
        var skip = 0;
        while (skip < _buffer.Count && (_buffer[skip] == '\r' || _buffer[skip] == '\n'))
        {
            skip++;
        }

        _buffer.RemoveRange(0, skip);
        var data = _buffer.ToArray().AsSpan();
        var headEnd = SipParser.FindHeadEnd(data, out var separator);
        if (headEnd < 0)
        {
            return data.Length <= maxMessageBytes
                ? false
                : throw Fault(413, $"Message head exceeds the {maxMessageBytes}-byte limit", data);
        }

        var head = Encoding.UTF8.GetString(data[..headEnd]);
        int total;
        try
        {
            total = headEnd + separator + (SipParser.DeclaredContentLength(SipParser.HeadersOf(head))
                ?? throw new SipParseException(400, "Content-Length is required over TCP"));
        }
        catch (SipParseException ex)
        {
            throw Fault(ex.StatusCode, ex.Message, data[..headEnd]);
        }

        if (total > maxMessageBytes)
        {
            throw Fault(413, $"Message of {total} bytes exceeds the {maxMessageBytes}-byte limit", data[..headEnd]);
        }

        if (data.Length < total)
        {
            return false;
        }

        message = data[..total].ToArray();
        _buffer.RemoveRange(0, total);
        return true;
    }

    private static SipParseException Fault(int status, string reason, ReadOnlySpan<byte> head) =>
        new(status, reason) { PartialRequest = SipParser.PartialRequestOf(Encoding.UTF8.GetString(head)) };
}

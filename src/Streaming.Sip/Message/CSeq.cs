using System.Globalization;

namespace Streaming.Sip.Message;

/// <summary>A CSeq header: sequence number and method.</summary>
/// <param name="Number">Sequence number (32-bit unsigned per RFC 3261 §8.1.1.5).</param>
/// <param name="Method">Method the number belongs to.</param>
public readonly record struct CSeq(long Number, string Method)
{
    /// <summary>Parses "<c>314159 INVITE</c>"; throws <see cref="SipParseException"/> (400) when malformed.</summary>
    public static CSeq Parse(string? value)
    {
        var parts = (value ?? string.Empty).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > uint.MaxValue)
        {
            throw new SipParseException(400, $"Malformed CSeq '{value}'");
        }

        return new CSeq(number, parts[1]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)} {Method}";
}

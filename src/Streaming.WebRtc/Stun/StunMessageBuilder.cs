using System.Buffers.Binary;

namespace Streaming.WebRtc.Stun;

/// <summary>Writes a STUN message attribute by attribute, ending with optional MESSAGE-INTEGRITY and FINGERPRINT.</summary>
internal sealed class StunMessageBuilder
{
    private readonly MemoryStream _body = new();
    private readonly ushort _type;
    private readonly byte[] _transactionId;

    /// <summary>Starts a message of <paramref name="type"/> with a 12-byte <paramref name="transactionId"/>.</summary>
    public StunMessageBuilder(ushort type, ReadOnlySpan<byte> transactionId)
    {
        if (transactionId.Length != 12)
        {
            throw new ArgumentException("A STUN transaction id has 12 bytes.", nameof(transactionId));
        }

        _type = type;
        _transactionId = transactionId.ToArray();
    }

    /// <summary>Appends an attribute, padded to 4 bytes.</summary>
    public StunMessageBuilder Add(ushort type, ReadOnlySpan<byte> value)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(header, type);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)value.Length);
        _body.Write(header);
        _body.Write(value);
        for (var pad = value.Length; (pad & 3) != 0; pad++)
        {
            _body.WriteByte(0);
        }

        return this;
    }

    /// <summary>The message; with <paramref name="integrityKey"/> it gets MESSAGE-INTEGRITY, with <paramref name="fingerprint"/> FINGERPRINT.</summary>
    public byte[] Build(ReadOnlySpan<byte> integrityKey = default, bool fingerprint = true)
    {
        var attributes = _body.ToArray();
        var integrityLength = integrityKey.IsEmpty ? 0 : 24;
        var message = new byte[20 + attributes.Length + integrityLength + (fingerprint ? 8 : 0)];
        BinaryPrimitives.WriteUInt16BigEndian(message, _type);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)(message.Length - 20));
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), StunMessage.MagicCookie);
        _transactionId.CopyTo(message, 8);
        attributes.CopyTo(message, 20);
        var offset = 20 + attributes.Length;
        if (integrityLength > 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset), StunAttributeType.MessageIntegrity);
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset + 2), 20);
            StunMessage.ComputeIntegrity(message, offset, integrityKey, message.AsSpan(offset + 4, 20));
            offset += 24;
        }

        if (fingerprint)
        {
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset), StunAttributeType.Fingerprint);
            BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(offset + 2), 4);
            BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(offset + 4), StunMessage.ComputeFingerprint(message, offset));
        }

        return message;
    }
}

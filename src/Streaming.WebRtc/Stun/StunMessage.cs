using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Streaming.WebRtc.Stun;

/// <summary>
/// A parsed STUN message (RFC 5389 §6): its type, transaction id and attributes in order, plus where the
/// MESSAGE-INTEGRITY and FINGERPRINT attributes sit so that both can be checked against the raw bytes.
/// </summary>
internal sealed class StunMessage
{
    /// <summary>The magic cookie every RFC 5389 message carries.</summary>
    public const uint MagicCookie = 0x2112A442;

    /// <summary>Binding request.</summary>
    public const ushort BindingRequest = 0x0001;

    /// <summary>Binding success response.</summary>
    public const ushort BindingSuccess = 0x0101;

    /// <summary>Binding error response.</summary>
    public const ushort BindingError = 0x0111;

    private const int HeaderLength = 20;
    private const uint FingerprintXor = 0x5354554E;

    private readonly byte[] _raw;
    private readonly List<(ushort Type, int Offset, int Length)> _attributes;
    private readonly int _integrityOffset;
    private readonly int _fingerprintOffset;

    private StunMessage(byte[] raw, ushort type, List<(ushort, int, int)> attributes, int integrityOffset, int fingerprintOffset)
    {
        _raw = raw;
        Type = type;
        _attributes = attributes;
        _integrityOffset = integrityOffset;
        _fingerprintOffset = fingerprintOffset;
    }

    /// <summary>Message type (class and method).</summary>
    public ushort Type { get; }

    /// <summary>The 96-bit transaction id.</summary>
    public ReadOnlySpan<byte> TransactionId => _raw.AsSpan(8, 12);

    /// <summary>True when the message carries MESSAGE-INTEGRITY.</summary>
    public bool HasIntegrity => _integrityOffset >= 0;

    /// <summary>True when the message carries FINGERPRINT.</summary>
    public bool HasFingerprint => _fingerprintOffset >= 0;

    /// <summary>The value of the first attribute of <paramref name="type"/> (before MESSAGE-INTEGRITY), or null.</summary>
    public byte[]? Attribute(ushort type)
    {
        foreach (var (t, offset, length) in _attributes)
        {
            if (t == type)
            {
                return _raw.AsSpan(offset, length).ToArray();
            }
        }

        return null;
    }

    /// <summary>True when an attribute of <paramref name="type"/> is present.</summary>
    public bool Has(ushort type) => _attributes.Exists(a => a.Type == type);

    /// <summary>USERNAME as text, or null.</summary>
    public string? Username => Attribute(StunAttributeType.Username) is { } name ? Encoding.UTF8.GetString(name) : null;

    /// <summary>
    /// True for a first byte and length that can only be STUN (RFC 7983: first byte 0..3, a 20-byte header, the
    /// magic cookie); other traffic on the same port is not STUN.
    /// </summary>
    public static bool Looks(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= HeaderLength && datagram[0] < 4 && BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]) == MagicCookie;

    /// <summary>Parses a datagram; null (with <paramref name="fault"/>) when it is not a well-formed STUN message.</summary>
    public static StunMessage? TryParse(ReadOnlySpan<byte> datagram, out string? fault)
    {
        fault = null;
        if (!Looks(datagram))
        {
            fault = "not a STUN message (header, first bits or magic cookie)";
            return null;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        if ((length & 3) != 0 || HeaderLength + length != datagram.Length)
        {
            fault = $"STUN length {length} does not match the datagram ({datagram.Length} bytes) or is not a multiple of 4";
            return null;
        }

        var raw = datagram.ToArray();
        var attributes = new List<(ushort, int, int)>();
        int integrity = -1, fingerprint = -1;
        var offset = HeaderLength;
        while (offset < raw.Length)
        {
            if (offset + 4 > raw.Length)
            {
                fault = "truncated STUN attribute header";
                return null;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(offset));
            var valueLength = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(offset + 2));
            var padded = (valueLength + 3) & ~3;
            if (offset + 4 + padded > raw.Length)
            {
                fault = $"STUN attribute 0x{type:X4} runs past the end of the message";
                return null;
            }

            if (fingerprint >= 0)
            {
                fault = "STUN attribute after FINGERPRINT";
                return null;
            }

            if (type == StunAttributeType.MessageIntegrity)
            {
                if (valueLength != 20)
                {
                    fault = "MESSAGE-INTEGRITY is not 20 bytes";
                    return null;
                }

                integrity = offset;
            }
            else if (type == StunAttributeType.Fingerprint)
            {
                if (valueLength != 4)
                {
                    fault = "FINGERPRINT is not 4 bytes";
                    return null;
                }

                fingerprint = offset;
            }
            else if (integrity < 0)
            {
                // Attributes after MESSAGE-INTEGRITY (other than FINGERPRINT) are ignored (RFC 5389 §15.4).
                attributes.Add((type, offset + 4, valueLength));
            }

            offset += 4 + padded;
        }

        return new StunMessage(raw, BinaryPrimitives.ReadUInt16BigEndian(raw), attributes, integrity, fingerprint);
    }

    /// <summary>True when FINGERPRINT is present and matches the CRC-32 of the bytes before it.</summary>
    public bool FingerprintValid()
    {
        if (_fingerprintOffset < 0)
        {
            return false;
        }

        var expected = ComputeFingerprint(_raw, _fingerprintOffset);
        return BinaryPrimitives.ReadUInt32BigEndian(_raw.AsSpan(_fingerprintOffset + 4)) == expected;
    }

    /// <summary>True when MESSAGE-INTEGRITY is present and is the HMAC-SHA1 of the message under <paramref name="key"/>.</summary>
    public bool IntegrityValid(ReadOnlySpan<byte> key)
    {
        if (_integrityOffset < 0)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[20];
        ComputeIntegrity(_raw, _integrityOffset, key, mac);
        return CryptographicOperations.FixedTimeEquals(mac, _raw.AsSpan(_integrityOffset + 4, 20));
    }

    /// <summary>
    /// HMAC-SHA1 over the message up to the MESSAGE-INTEGRITY attribute at <paramref name="integrityOffset"/>, with
    /// the header's length set as if that attribute were the last (RFC 5389 §15.4).
    /// </summary>
    internal static void ComputeIntegrity(byte[] message, int integrityOffset, ReadOnlySpan<byte> key, Span<byte> mac)
    {
        var covered = message.AsSpan(0, integrityOffset).ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(covered.AsSpan(2), (ushort)(integrityOffset + 24 - HeaderLength));
        HMACSHA1.HashData(key, covered, mac);
    }

    /// <summary>CRC-32 of the message up to the FINGERPRINT attribute, length adjusted to end after it, XOR 0x5354554E.</summary>
    internal static uint ComputeFingerprint(byte[] message, int fingerprintOffset)
    {
        var covered = message.AsSpan(0, fingerprintOffset).ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(covered.AsSpan(2), (ushort)(fingerprintOffset + 8 - HeaderLength));
        return Crc32.Compute(covered) ^ FingerprintXor;
    }

    /// <summary>Decodes an XOR-MAPPED-ADDRESS value (RFC 5389 §15.2) with this message's transaction id.</summary>
    public IPEndPoint? XorMappedAddress()
    {
        var value = Attribute(StunAttributeType.XorMappedAddress);
        if (value is null || value.Length < 8)
        {
            return null;
        }

        var port = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(value.AsSpan(2)) ^ (MagicCookie >> 16));
        var address = value.AsSpan(4).ToArray();
        Span<byte> mask = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mask, MagicCookie);
        TransactionId.CopyTo(mask[4..]);
        for (var i = 0; i < address.Length && i < 16; i++)
        {
            address[i] ^= mask[i];
        }

        return value[1] switch
        {
            1 when address.Length == 4 => new IPEndPoint(new IPAddress(address), port),
            2 when address.Length == 16 => new IPEndPoint(new IPAddress(address), port),
            _ => null,
        };
    }

    /// <summary>Encodes <paramref name="endPoint"/> as an XOR-MAPPED-ADDRESS value for <paramref name="transactionId"/>.</summary>
    public static byte[] EncodeXorMappedAddress(IPEndPoint endPoint, ReadOnlySpan<byte> transactionId)
    {
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        var bytes = address.GetAddressBytes();
        var value = new byte[4 + bytes.Length];
        value[1] = address.AddressFamily == AddressFamily.InterNetworkV6 ? (byte)2 : (byte)1;
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(2), (ushort)(endPoint.Port ^ (MagicCookie >> 16)));
        Span<byte> mask = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(mask, MagicCookie);
        transactionId.CopyTo(mask[4..]);
        for (var i = 0; i < bytes.Length; i++)
        {
            value[4 + i] = (byte)(bytes[i] ^ mask[i]);
        }

        return value;
    }
}

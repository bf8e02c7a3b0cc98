using System.Net;
using System.Text;
using Streaming.WebRtc.Stun;

namespace Streaming.WebRtc.Ice;

/// <summary>
/// The ICE-lite side of connectivity checks (RFC 8445 §7.3): a binding request whose USERNAME is
/// "ours:theirs" and whose MESSAGE-INTEGRITY verifies under our password gets a success response with
/// XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT; each such request also renews consent (RFC 7675).
/// </summary>
internal sealed class IceLiteResponder(IceCredentials local, string remoteUfrag)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(local.Pwd);
    private readonly string _expectedUsername = $"{local.Ufrag}:{remoteUfrag}";

    /// <summary>The outcome of one STUN datagram.</summary>
    /// <param name="Response">What to send back (null: nothing).</param>
    /// <param name="Valid">True when the request authenticated (the source may be used for media).</param>
    /// <param name="Nominated">True when it carried USE-CANDIDATE.</param>
    internal readonly record struct Outcome(byte[]? Response, bool Valid, bool Nominated);

    /// <summary>Handles a datagram that looks like STUN from <paramref name="source"/>.</summary>
    public Outcome Handle(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        var message = StunMessage.TryParse(datagram, out _);
        if (message is null || message.Type != StunMessage.BindingRequest)
        {
            // Malformed messages and responses/indications are dropped without an answer (RFC 5389 §7.3).
            return default;
        }

        if (message.HasFingerprint && !message.FingerprintValid())
        {
            return default;
        }

        if (!message.HasIntegrity || message.Username is null)
        {
            return new Outcome(Error(message, 400, "Bad Request"), false, false);
        }

        if (message.Username != _expectedUsername || !message.IntegrityValid(_key))
        {
            return new Outcome(Error(message, 401, "Unauthorized"), false, false);
        }

        var response = new StunMessageBuilder(StunMessage.BindingSuccess, message.TransactionId)
            .Add(StunAttributeType.XorMappedAddress, StunMessage.EncodeXorMappedAddress(source, message.TransactionId))
            .Build(_key);
        return new Outcome(response, true, message.Has(StunAttributeType.UseCandidate));
    }

    private static byte[] Error(StunMessage request, int code, string reason)
    {
        var text = Encoding.UTF8.GetBytes(reason);
        var value = new byte[4 + text.Length];
        value[2] = (byte)(code / 100);
        value[3] = (byte)(code % 100);
        text.CopyTo(value, 4);
        return new StunMessageBuilder(StunMessage.BindingError, request.TransactionId).Add(StunAttributeType.ErrorCode, value).Build();
    }
}

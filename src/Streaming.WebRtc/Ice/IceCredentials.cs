using System.Security.Cryptography;

namespace Streaming.WebRtc.Ice;

/// <summary>Random ICE username fragment and password (RFC 8839 §5.4: ice-chars, at least 4 and 22 of them).</summary>
internal sealed record IceCredentials(string Ufrag, string Pwd)
{
    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>New credentials with 8-character ufrag and 24-character password.</summary>
    public static IceCredentials Generate() => new(
        RandomNumberGenerator.GetString(IceChars, 8),
        RandomNumberGenerator.GetString(IceChars, 24));
}

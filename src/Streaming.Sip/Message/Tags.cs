namespace Streaming.Sip.Message;

/// <summary>Random tokens for tags and branches (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
internal static class Tags
{
    /// <summary>A fresh 48-bit random token in lower-case hex.</summary>
    public static string New() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
}

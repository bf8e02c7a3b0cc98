using System.ComponentModel.DataAnnotations;

namespace Streaming.Server.Auth;

/// <summary>JWT settings. Bound from section <c>Auth</c>, validated at start-up.</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Auth";

    /// <summary>False lets anyone in, as owner "anonymous" (local use only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>HMAC-SHA256 signing key, base64 (at least 32 bytes); null uses <see cref="KeyFile"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// File holding the dev signing key, created with a random key on first use; null means
    /// <c>~/.streaming/jwt-signing-key</c>.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>Issuer written into and required of tokens.</summary>
    [Required]
    public string Issuer { get; set; } = "streaming";

    /// <summary>Audience written into and required of tokens.</summary>
    [Required]
    public string Audience { get; set; } = "streaming";
}

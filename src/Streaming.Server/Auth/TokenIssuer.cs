using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Streaming.Server.Auth;

/// <summary>Signs tokens the server accepts (used by <c>streaming token</c> and the tests).</summary>
public sealed class TokenIssuer(AuthOptions options)
{
    private readonly SigningCredentials _credentials = new(SigningKeyStore.Load(options), SecurityAlgorithms.HmacSha256);

    /// <summary>A token for <paramref name="subject"/> that may watch <paramref name="viewerSessions"/> (ids or <c>*</c>).</summary>
    public string Create(string subject, IEnumerable<string>? viewerSessions = null, bool admin = false, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var claims = new List<Claim> { new(StreamingClaims.Subject, subject) };
        claims.AddRange((viewerSessions ?? []).Select(id => new Claim(StreamingClaims.Viewer, id)));
        if (admin)
        {
            claims.Add(new Claim(StreamingClaims.Role, StreamingClaims.AdminRole));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromDays(30)),
            SigningCredentials = _credentials,
        });
    }
}

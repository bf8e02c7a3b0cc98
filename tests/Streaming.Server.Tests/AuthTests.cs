using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Streaming.Server.Auth;

namespace Streaming.Server.Tests;

public sealed class AuthTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"streaming-auth-{Guid.NewGuid():N}");

    [Fact]
    public void The_dev_key_is_created_once_and_reused()
    {
        var options = new AuthOptions { KeyFile = Path.Combine(_folder, "key") };

        var first = SigningKeyStore.Load(options);
        var second = SigningKeyStore.Load(options);

        Assert.Equal(32, first.Key.Length);
        Assert.Equal(first.Key, second.Key);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.KeyFile));
        }
    }

    [Theory]
    [InlineData("c2hvcnQ=", "has 5 bytes; it needs at least 32")]
    [InlineData("not base64!", "is not valid base64")]
    public void A_bad_configured_key_is_refused(string key, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SigningKeyStore.Load(new AuthOptions { SigningKey = key }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Issued_tokens_carry_subject_viewer_and_admin_claims_and_validate_with_the_key()
    {
        var options = new AuthOptions { KeyFile = Path.Combine(_folder, "key") };
        var token = new TokenIssuer(options).Create("alice", ["s1", "*"], admin: true);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = SigningKeyStore.Load(options),
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        var claims = result.ClaimsIdentity.Claims.ToArray();
        Assert.Contains(claims, c => c.Type == StreamingClaims.Subject && c.Value == "alice");
        Assert.Equal(["s1", "*"], claims.Where(c => c.Type == StreamingClaims.Viewer).Select(c => c.Value));
        Assert.Contains(claims, c => c.Type == StreamingClaims.Role && c.Value == StreamingClaims.AdminRole);
    }

    [Fact]
    public void Only_the_owner_or_a_viewer_of_the_session_may_watch()
    {
        var access = new SessionAccess(authEnabled: true);

        Assert.True(access.MayWatch(User("alice"), "s1", "alice"));
        Assert.True(access.MayWatch(User("bob", "s1"), "s1", "alice"));
        Assert.True(access.MayWatch(User("bob", "*"), "s1", "alice"));
        Assert.False(access.MayWatch(User("bob", "s2"), "s1", "alice"));
        Assert.False(access.MayWatch(new ClaimsPrincipal(new ClaimsIdentity()), "s1", "alice"));
    }

    [Fact]
    public void Without_auth_everyone_is_the_anonymous_owner_and_may_watch()
    {
        var access = new SessionAccess(authEnabled: false);

        Assert.Equal(StreamingClaims.Anonymous, access.OwnerOf(null));
        Assert.True(access.MayWatch(null, "s1", "alice"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static ClaimsPrincipal User(string subject, params string[] viewerOf) =>
        new(new ClaimsIdentity([new Claim(StreamingClaims.Subject, subject), .. viewerOf.Select(v => new Claim(StreamingClaims.Viewer, v))], "test"));
}

namespace Streaming.Server.Auth;

/// <summary>Claim types and values the server reads from tokens.</summary>
public static class StreamingClaims
{
    /// <summary>The user: owner of the sessions they start.</summary>
    public const string Subject = "sub";

    /// <summary>A session id the holder may watch, or <c>*</c> for any; may repeat.</summary>
    public const string Viewer = "viewer";

    /// <summary>Role claim type.</summary>
    public const string Role = "role";

    /// <summary>Role that may use the admin API.</summary>
    public const string AdminRole = "admin";

    /// <summary>Owner name used for everyone when auth is disabled.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Authorisation policy for the hub, the FunASR socket and the client APIs.</summary>
    public const string ClientPolicy = "client";

    /// <summary>Authorisation policy for the admin API.</summary>
    public const string AdminPolicy = "admin";
}

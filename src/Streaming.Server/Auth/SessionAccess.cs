using System.Security.Claims;

namespace Streaming.Server.Auth;

/// <summary>Who a caller is and which sessions they may watch.</summary>
public sealed class SessionAccess(bool authEnabled)
{
    /// <summary>The caller's subject, or "anonymous" when auth is off.</summary>
    public string OwnerOf(ClaimsPrincipal? user) =>
        authEnabled
            ? user?.FindFirst(StreamingClaims.Subject)?.Value ?? throw new UnauthorizedAccessException("The token has no 'sub' claim.")
            : StreamingClaims.Anonymous;

    /// <summary>True for the session's owner and for holders of a viewer claim naming it (or <c>*</c>).</summary>
    public bool MayWatch(ClaimsPrincipal? user, string sessionId, string sessionOwner)
    {
        if (!authEnabled)
        {
            return true;
        }

        if (user?.FindFirst(StreamingClaims.Subject)?.Value == sessionOwner)
        {
            return true;
        }

        return user?.FindAll(StreamingClaims.Viewer).Any(c => c.Value == "*" || c.Value == sessionId) == true;
    }
}

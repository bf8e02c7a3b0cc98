using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Streaming.Server.Auth;

namespace Streaming.Server.FunAsr;

/// <summary>
/// Decides who a FunASR connection belongs to. FunASR clients cannot set headers, so besides the usual
/// <c>Authorization</c> header and <c>access_token</c> query parameter a token may come as an
/// <c>access_token</c> field of the start message; clients that send none at all are let in as
/// <c>anonymous</c> only from the networks in <see cref="FunAsrOptions.AllowAnonymousFrom"/>.
/// </summary>
public sealed class FunAsrAdmission(IOptions<AuthOptions> auth, IOptions<FunAsrOptions> options, IOptionsMonitor<JwtBearerOptions> bearer, SessionAccess access)
{
    /// <summary>Name of the start-message field that may carry the token.</summary>
    public const string TokenField = "access_token";

    private readonly IReadOnlyList<IPNetwork> _anonymous = options.Value.AnonymousNetworks;

    /// <summary>
    /// True when the request carried a token in its header or query and the token was not valid: such a
    /// request is refused before the socket opens, as every other endpoint does.
    /// </summary>
    public bool HasRejectedToken(HttpContext context) =>
        auth.Value.Enabled
        && context.User.Identity?.IsAuthenticated != true
        && (context.Request.Headers.Authorization.Count > 0 || context.Request.Query.ContainsKey(TokenField));

    /// <summary>
    /// The owner of the session the connection starts, given its start message.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">No valid token, and the client's address is not allowed in without one.</exception>
    public async Task<string> OwnerAsync(HttpContext context, ReadOnlyMemory<byte> startMessage)
    {
        if (!auth.Value.Enabled || context.User.Identity?.IsAuthenticated == true)
        {
            return access.OwnerOf(context.User);
        }

        if (TokenIn(startMessage) is { } token)
        {
            return access.OwnerOf(await ValidateAsync(token));
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is not null && _anonymous.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)))
        {
            return StreamingClaims.Anonymous;
        }

        throw new UnauthorizedAccessException(
            "This server needs a token: send it as the access_token query parameter, an Authorization header, or an " +
            "access_token field of the start message; or allow this client's network in FunAsr:AllowAnonymousFrom.");
    }

    private async Task<ClaimsPrincipal> ValidateAsync(string token)
    {
        var settings = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
        Exception? failure = null;
        foreach (var handler in settings.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, settings.TokenValidationParameters);
            if (result.IsValid)
            {
                return new ClaimsPrincipal(result.ClaimsIdentity);
            }

            failure ??= result.Exception;
        }

        throw new UnauthorizedAccessException($"The access_token of the start message is not valid: {failure?.Message ?? "no handler accepted it"}");
    }

    private static string? TokenIn(ReadOnlyMemory<byte> startMessage)
    {
        try
        {
            using var document = JsonDocument.Parse(startMessage);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(TokenField, out var token)
                && token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null; // the start message's own parser reports what is wrong with it
        }
    }
}

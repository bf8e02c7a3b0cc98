using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Streaming.Sip.Message;

namespace Streaming.Sip.Auth;

/// <summary>
/// HTTP Digest (RFC 2617 / RFC 7616, MD5, qop=auth or none) for peers outside the allow-list. Nonces are
/// self-validating (a timestamp signed with a per-process key), so no nonce table can grow without bound.
/// </summary>
internal sealed class DigestAuthenticator(string realm, IReadOnlyDictionary<string, string> users)
{
    private static readonly TimeSpan NonceLifetime = TimeSpan.FromMinutes(5);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public bool HasUsers => users.Count > 0;

    /// <summary>The WWW-Authenticate challenge for a 401.</summary>
    public string Challenge() =>
        $"Digest realm=\"{realm}\", nonce=\"{NewNonce()}\", algorithm=MD5, qop=\"auth\"";

    /// <summary>Whether <paramref name="request"/> carries valid credentials for one of the configured users.</summary>
    public bool Verify(SipRequest request)
    {
        var header = request[SipHeaderNames.Authorization];
        if (header is null || !header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var fields = Fields(header["Digest ".Length..]);
        string Field(string name) => fields.TryGetValue(name, out var v) ? v : string.Empty;
        if (Field("realm") != realm || !users.TryGetValue(Field("username"), out var password) || !NonceIsValid(Field("nonce")))
        {
            return false;
        }

        if (fields.TryGetValue("algorithm", out var algorithm) && !algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var ha1 = Md5($"{Field("username")}:{realm}:{password}");
        var ha2 = Md5($"{request.Method}:{Field("uri")}");
        var expected = Field("qop") == "auth"
            ? Md5($"{ha1}:{Field("nonce")}:{Field("nc")}:{Field("cnonce")}:auth:{ha2}")
            : Md5($"{ha1}:{Field("nonce")}:{ha2}");
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Field("response").ToLowerInvariant()));
    }

    /// <summary>Lower-case hex MD5, as digest uses.</summary>
    public static string Md5(string text) =>
#pragma warning disable CA5351 // MD5 is what RFC 2617 digest and SIP trunks use; it is not used for anything else.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    /// <summary>Splits <c>a="b", c=d</c> into fields.</summary>
    public static Dictionary<string, string> Fields(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in HeaderValue.SplitList(text))
        {
            var eq = part.IndexOf('=');
            if (eq > 0)
            {
                fields[part[..eq].Trim()] = part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return fields;
    }

    private string NewNonce()
    {
        var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return stamp + "." + Sign(stamp);
    }

    private bool NonceIsValid(string nonce)
    {
        var dot = nonce.IndexOf('.');
        if (dot < 0 || !long.TryParse(nonce[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
        {
            return false;
        }

        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(stamp);
        return age >= TimeSpan.Zero && age < NonceLifetime &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(nonce[..dot])), Encoding.ASCII.GetBytes(nonce[(dot + 1)..]));
    }

    private string Sign(string stamp) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(stamp)))[..32];
}

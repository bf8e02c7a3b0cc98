using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Streaming.Server.Auth;

/// <summary>
/// Finds the JWT signing key: the configured one, else a random dev key kept in a file under the user's
/// profile so that tokens printed by <c>streaming token</c> stay valid across restarts.
/// </summary>
public static class SigningKeyStore
{
    private const int KeyBytes = 32;

    /// <summary>Default dev key file: <c>~/.streaming/jwt-signing-key</c>.</summary>
    public static string DefaultKeyFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".streaming", "jwt-signing-key");

    /// <summary>Returns the key the options name, creating the dev key file when it does not exist yet.</summary>
    public static SymmetricSecurityKey Load(AuthOptions options)
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            return FromBase64(options.SigningKey, "Auth:SigningKey");
        }

        var path = options.KeyFile ?? DefaultKeyFile;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
            try
            {
                // CreateNew: a second process creating it at the same moment keeps the first key.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return FromBase64(File.ReadAllText(path).Trim(), path);
    }

    private static SymmetricSecurityKey FromBase64(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The JWT signing key in {source} is not valid base64.");
        }

        return bytes.Length >= KeyBytes
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"The JWT signing key in {source} has {bytes.Length} bytes; it needs at least {KeyBytes}.");
    }
}

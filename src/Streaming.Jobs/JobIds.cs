namespace Streaming.Jobs;

/// <summary>Job and file ids: 32 lower-case hex digits, safe in URLs and folder names.</summary>
public static class JobIds
{
    /// <summary>A new random id.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="id"/> has the form of an id (so it can name a folder safely).</summary>
    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}

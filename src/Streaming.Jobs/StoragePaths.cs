namespace Streaming.Jobs;

/// <summary>Resolves a job's <c>url</c> to a file under the configured storage root, refusing anything outside it.</summary>
public sealed class StoragePaths(string? root)
{
    private readonly string? _root = root is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    /// <summary>
    /// Resolves <paramref name="url"/> (a path relative to the root, an absolute path, or a <c>file://</c> URL);
    /// returns the full path, or null with <paramref name="error"/> saying why it is refused.
    /// </summary>
    public string? Resolve(string url, out string? error)
    {
        error = null;
        if (_root is null)
        {
            error = "This server accepts no url: no storage root is configured (Jobs:StorageRoot). Upload the files instead.";
            return null;
        }

        var path = url.Trim();
        if (Uri.TryCreate(path, UriKind.Absolute, out var uri) && uri.Scheme != "")
        {
            if (!uri.IsFile)
            {
                error = $"Only file:// urls or paths under the storage root are accepted, not '{uri.Scheme}:'.";
                return null;
            }

            path = uri.LocalPath;
        }

        var full = Path.GetFullPath(Path.Combine(_root, path));

        // A symbolic link is judged by where it points, so a link inside the root cannot reach outside it.
        if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            full = target.FullName;
        }

        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            error = $"The url '{url}' is outside the storage root this server allows.";
            return null;
        }

        if (!File.Exists(full))
        {
            error = $"The url '{url}' names no file under the storage root.";
            return null;
        }

        return full;
    }
}

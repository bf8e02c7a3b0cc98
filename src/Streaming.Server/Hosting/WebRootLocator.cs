namespace Streaming.Server.Hosting;

/// <summary>Resolves the static web folder: absolute as given, relative from the content root, the working directory, or a parent of either.</summary>
public static class WebRootLocator
{
    /// <summary>The folder, or null when it does not exist anywhere looked.</summary>
    public static string? Locate(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, configured);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

namespace Streaming.Jobs.Decoding;

/// <summary>Finds ffmpeg and ffprobe (a configured path, else PATH); compressed formats need them.</summary>
public sealed class FfmpegLocator
{
    private readonly Lazy<(string? Ffmpeg, string? Ffprobe)> _found;

    /// <summary>Looks for ffmpeg at <paramref name="configuredPath"/>, or on PATH when null.</summary>
    public FfmpegLocator(string? configuredPath)
    {
        _found = new(() =>
        {
            var ffmpeg = configuredPath is not null ? (File.Exists(configuredPath) ? configuredPath : null) : FindOnPath("ffmpeg");
            if (ffmpeg is null)
            {
                return (null, null);
            }

            var beside = Path.Combine(Path.GetDirectoryName(ffmpeg) ?? "", "ffprobe");
            return (ffmpeg, File.Exists(beside) ? beside : FindOnPath("ffprobe"));
        });
    }

    /// <summary>The ffmpeg executable, or null when it is not installed.</summary>
    public string? Ffmpeg => _found.Value.Ffmpeg;

    /// <summary>The ffprobe executable, or null when it is not installed.</summary>
    public string? Ffprobe => _found.Value.Ffprobe;

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

namespace Streaming.Asr.Hotwords;

/// <summary>
/// The global hotword list, read from a file and re-read when the file changes, without a restart: every
/// <see cref="Current"/> compares the file's write time and length with the loaded version (a cheap stat,
/// done when a session starts) and reloads when they differ. A bad or missing file keeps the last good
/// list and reports the error once through the log callback, naming file, line and problem.
/// </summary>
public sealed class HotwordFileSource
{
    private readonly Action<string> _log;
    private readonly Lock _gate = new();
    private IReadOnlyList<Hotword> _current = [];
    private (DateTime Written, long Length)? _version;
    private string? _lastError;

    /// <summary>Loads <paramref name="path"/> now; throws <see cref="HotwordException"/> if the first load fails (a start-up error).</summary>
    public HotwordFileSource(string path, Action<string> log)
    {
        Path = System.IO.Path.GetFullPath(path);
        _log = log;
        _current = HotwordList.Load(Path);
        _version = VersionOf(Path);
        _log($"hotwords: loaded {_current.Count} phrases from {Path}");
    }

    /// <summary>The watched file.</summary>
    public string Path { get; }

    /// <summary>The latest good list, reloaded first if the file changed since it was read.</summary>
    public IReadOnlyList<Hotword> Current
    {
        get
        {
            lock (_gate)
            {
                var version = VersionOf(Path);
                if (version != _version)
                {
                    Reload(version);
                }

                return _current;
            }
        }
    }

    private void Reload((DateTime Written, long Length)? version)
    {
        try
        {
            _current = HotwordList.Load(Path);
            _version = version;
            _lastError = null;
            _log($"hotwords: reloaded {_current.Count} phrases from {Path}");
        }
        catch (Exception ex) when (ex is HotwordException or IOException or UnauthorizedAccessException)
        {
            // Remember the version so a broken file is reported once, not on every session start.
            _version = version;
            if (ex.Message != _lastError)
            {
                _lastError = ex.Message;
                _log($"hotwords: keeping the previous {_current.Count} phrases; reload failed: {ex.Message}");
            }
        }
    }

    private static (DateTime Written, long Length)? VersionOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}

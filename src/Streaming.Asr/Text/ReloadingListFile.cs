namespace Streaming.Asr.Text;

/// <summary>
/// A global phrase list (hotwords, keywords) read from a file and re-read when the file changes, without a
/// restart: every <see cref="Current"/> compares the file's write time and length with the loaded version (a cheap
/// stat, done when a session starts) and reloads when they differ. A bad or missing file keeps the last good list
/// and reports the error once through the log callback, naming file, line and problem.
/// </summary>
/// <typeparam name="T">An entry of the list.</typeparam>
public abstract class ReloadingListFile<T>
{
    private readonly Func<string, IReadOnlyList<T>> _load;
    private readonly string _kind;
    private readonly Action<string> _log;
    private readonly Lock _gate = new();
    private IReadOnlyList<T> _current;
    private (DateTime Written, long Length)? _version;
    private string? _lastError;

    /// <summary>
    /// Loads <paramref name="path"/> now with <paramref name="load"/>, which throws an <see cref="ArgumentException"/>
    /// for a malformed list; a first load that fails throws (a start-up error). <paramref name="kind"/> names the
    /// list in log lines.
    /// </summary>
    protected ReloadingListFile(string path, Func<string, IReadOnlyList<T>> load, string kind, Action<string> log)
    {
        Path = System.IO.Path.GetFullPath(path);
        (_load, _kind, _log) = (load, kind, log);
        _current = load(Path);
        _version = VersionOf(Path);
        _log($"{_kind}: loaded {_current.Count} phrases from {Path}");
    }

    /// <summary>The watched file.</summary>
    public string Path { get; }

    /// <summary>The latest good list, reloaded first if the file changed since it was read.</summary>
    public IReadOnlyList<T> Current
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
            _current = _load(Path);
            _version = version;
            _lastError = null;
            _log($"{_kind}: reloaded {_current.Count} phrases from {Path}");
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // Remember the version so a broken file is reported once, not on every session start.
            _version = version;
            if (ex.Message != _lastError)
            {
                _lastError = ex.Message;
                _log($"{_kind}: keeping the previous {_current.Count} phrases; reload failed: {ex.Message}");
            }
        }
    }

    private static (DateTime Written, long Length)? VersionOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }
}

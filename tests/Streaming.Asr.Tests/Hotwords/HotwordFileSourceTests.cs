using Streaming.Asr.Hotwords;

namespace Streaming.Asr.Tests.Hotwords;

public sealed class HotwordFileSourceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hotwords-{Guid.NewGuid():N}.txt");
    private readonly List<string> _log = [];

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Changed_file_is_reloaded_on_next_read()
    {
        File.WriteAllLines(_path, ["Chaka"]);
        var source = new HotwordFileSource(_path, _log.Add);

        Rewrite(["Chaka", "Benita :3"]);

        Assert.Equal([new Hotword("Chaka"), new Hotword("Benita", 3f)], source.Current);
        Assert.Contains(_log, l => l.Contains("reloaded 2 phrases"));
    }

    [Fact]
    public void Bad_file_keeps_the_previous_list_and_logs_the_error_once()
    {
        File.WriteAllLines(_path, ["Chaka"]);
        var source = new HotwordFileSource(_path, _log.Add);

        Rewrite(["Chaka", "Benita :lots"]);

        Assert.Equal([new Hotword("Chaka")], source.Current);
        Assert.Equal([new Hotword("Chaka")], source.Current);
        var error = Assert.Single(_log, l => l.Contains("reload failed"));
        Assert.Contains(":2: boost 'lots'", error);
    }

    [Fact]
    public void Missing_file_at_start_up_is_an_error()
    {
        var error = Assert.Throws<HotwordException>(() => new HotwordFileSource(_path, _log.Add));

        Assert.Contains("does not exist", error.Message);
    }

    private void Rewrite(string[] lines)
    {
        File.WriteAllLines(_path, lines);

        // Make the change visible even on file systems with coarse timestamps.
        File.SetLastWriteTimeUtc(_path, DateTime.UtcNow.AddSeconds(5));
    }
}

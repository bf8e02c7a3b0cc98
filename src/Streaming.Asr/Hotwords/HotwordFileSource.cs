using Streaming.Asr.Text;

namespace Streaming.Asr.Hotwords;

/// <summary>The global hotword list (<see cref="HotwordList"/> syntax), re-read when its file changes.</summary>
/// <param name="path">The list file.</param>
/// <param name="log">Receives loads and reload failures.</param>
/// <exception cref="HotwordException">The first load failed.</exception>
public sealed class HotwordFileSource(string path, Action<string> log) : ReloadingListFile<Hotword>(path, HotwordList.Load, "hotwords", log);

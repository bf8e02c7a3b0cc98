using Streaming.Asr.Text;

namespace Streaming.Asr.Keywords;

/// <summary>The global keyword list (<see cref="KeywordList"/> syntax), re-read when its file changes.</summary>
/// <param name="path">The list file.</param>
/// <param name="log">Receives loads and reload failures.</param>
/// <exception cref="KeywordException">The first load failed.</exception>
public sealed class KeywordFileSource(string path, Action<string> log) : ReloadingListFile<Keyword>(path, KeywordList.Load, "keywords", log);

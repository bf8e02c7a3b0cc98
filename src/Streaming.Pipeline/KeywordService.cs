using Streaming.Asr.Keywords;

namespace Streaming.Pipeline;

/// <summary>
/// What every session's keywords come from: the global list (a file reloaded when it changes, optional) merged with
/// the session's own list. Thread-safe.
/// </summary>
/// <param name="global">The global list; null means sessions bring all their keywords.</param>
public sealed class KeywordService(KeywordFileSource? global)
{
    /// <summary>No global list.</summary>
    public static KeywordService None { get; } = new(null);

    /// <summary>
    /// The global list merged with a session's entries (<see cref="KeywordList"/> syntax); a keyword in both keeps the
    /// session's settings.
    /// </summary>
    /// <exception cref="KeywordException">An entry is malformed or there are too many.</exception>
    public IReadOnlyList<Keyword> ForSession(IReadOnlyList<string>? sessionLines) => KeywordList.Merge(
        global?.Current ?? [],
        sessionLines is null or { Count: 0 } ? [] : KeywordList.Parse(sessionLines, "session keywords"));
}

using Streaming.Asr.Hotwords;
using Streaming.Text.Hotwords;

namespace Streaming.Pipeline;

/// <summary>
/// What every session's hotwords come from: the global list (a file reloaded when it changes, optional) merged
/// with the session's own list, and the re-scorer applied to finals. Thread-safe.
/// </summary>
public sealed class HotwordService
{
    /// <summary>Most phrases one session may send; a larger list is refused rather than slowing every decode step.</summary>
    public const int MaxSessionPhrases = 5000;

    private readonly HotwordFileSource? _global;

    /// <summary>Creates the service; <paramref name="global"/> null means sessions bring all their hotwords.</summary>
    public HotwordService(HotwordFileSource? global, HotwordRescorer rescorer)
    {
        _global = global;
        Rescorer = rescorer;
    }

    /// <summary>No global list, default re-scoring.</summary>
    public static HotwordService None { get; } = new(null, new HotwordRescorer());

    /// <summary>Corrects near-misses of the hotwords in finals.</summary>
    public HotwordRescorer Rescorer { get; }

    /// <summary>
    /// The global list merged with a session's lines (<c>phrase</c> or <c>phrase :BOOST</c>), with the re-scorer
    /// for its finals.
    /// </summary>
    /// <exception cref="HotwordException">A session line is malformed or the list is too long.</exception>
    public SessionHotwords ForSession(IReadOnlyList<string>? sessionLines)
    {
        sessionLines ??= [];
        if (sessionLines.Count > MaxSessionPhrases)
        {
            throw new HotwordException($"A session may send at most {MaxSessionPhrases} hotwords, got {sessionLines.Count}.");
        }

        var session = HotwordList.Parse(sessionLines, "session hotwords");
        return new SessionHotwords(HotwordList.Merge(_global?.Current ?? [], session), Rescorer);
    }
}

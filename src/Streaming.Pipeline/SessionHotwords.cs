using Streaming.Asr.Hotwords;
using Streaming.Text.Hotwords;

namespace Streaming.Pipeline;

/// <summary>One session's hotwords (global merged with its own) and the re-scorer for its finals.</summary>
/// <param name="Hotwords">Phrases the recogniser is biased towards.</param>
/// <param name="Rescorer">Corrects near-misses of the phrases in finals.</param>
public sealed record SessionHotwords(IReadOnlyList<Hotword> Hotwords, HotwordRescorer Rescorer)
{
    /// <summary>The phrases as written, for re-scoring and hit reports.</summary>
    public IReadOnlyList<string> Phrases { get; } = [.. Hotwords.Select(h => h.Phrase)];

    /// <summary>No hotwords.</summary>
    public static SessionHotwords None { get; } = new([], new HotwordRescorer());

    /// <summary>A final's text with near-misses of the phrases corrected, and the phrases it contains.</summary>
    public (string Text, IReadOnlyList<string> Hits) CorrectFinal(string text)
    {
        if (Phrases.Count == 0)
        {
            return (text, []);
        }

        var rescored = Rescorer.Rescore(text, Phrases);
        return (rescored.Text, rescored.Hits);
    }

    /// <summary>The phrases a partial contains as they are (partials are not corrected).</summary>
    public IReadOnlyList<string> HitsIn(string text) => Phrases.Count == 0 ? [] : Rescorer.Hits(text, Phrases);
}

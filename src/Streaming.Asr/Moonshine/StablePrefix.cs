namespace Streaming.Asr.Moonshine;

/// <summary>
/// The committed prefix of a re-decoded growing segment. Rule: a token is committed once two consecutive
/// decodes agree on it and on every token before it (their longest common prefix of ids), except that the
/// last token of either decode is never committed: it sits at the edge of the audio heard so far and is
/// often end-of-utterance punctuation that more speech revises. Committed token texts never change in
/// later partials, only the tail after them may. The commit never shrinks.
/// </summary>
internal sealed class StablePrefix
{
    private readonly List<ScoredToken> _committed = [];
    private List<ScoredToken>? _previous;

    /// <summary>Committed tokens, oldest first.</summary>
    public IReadOnlyList<ScoredToken> Committed => _committed;

    /// <summary>The last decode's tokens after the committed ones (empty before the first): the draft of the next partial.</summary>
    public IReadOnlyList<ScoredToken> Tail => _previous is null ? [] : _previous[_committed.Count..];

    /// <summary>Records a decode (which must start with <see cref="Committed"/>) and extends the commit.</summary>
    public void Update(List<ScoredToken> decode)
    {
        if (_previous is not null)
        {
            int agreed = _committed.Count;
            int limit = Math.Min(_previous.Count, decode.Count) - 1;
            while (agreed < limit && _previous[agreed].Id == decode[agreed].Id)
            {
                _committed.Add(decode[agreed]);
                agreed++;
            }
        }

        _previous = decode;
    }

    /// <summary>Forgets everything, for the next segment.</summary>
    public void Clear()
    {
        _committed.Clear();
        _previous = null;
    }
}

namespace Streaming.Asr.Hotwords;

/// <summary>
/// Spells a hotword in a model's token ids: once for piece vocabularies (<see cref="HotwordTokenizer"/>), once per
/// reading for pinyin vocabularies, whose polyphones give a phrase several spellings. <see cref="ContextGraph"/>
/// makes each spelling a path of its own.
/// </summary>
public interface IHotwordSpeller
{
    /// <summary>The token-id spellings of <paramref name="phrase"/>, the customary one first; never empty.</summary>
    /// <exception cref="HotwordException">Some character of the phrase cannot be spelt; the message names it.</exception>
    IReadOnlyList<int[]> Spell(string phrase);

    /// <summary>
    /// Share of a phrase's per-token boost each of its tokens earns: 1 where a token is a character or a word piece,
    /// less where tokens are finer, so a boost means about the same per written character on every model.
    /// </summary>
    float TokenShare => 1f;
}

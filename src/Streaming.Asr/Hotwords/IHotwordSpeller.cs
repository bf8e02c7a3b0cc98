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
}

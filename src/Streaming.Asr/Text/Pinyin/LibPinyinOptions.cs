namespace Streaming.Asr.Text.Pinyin;

/// <summary>libpinyin's <c>pinyin_option_t</c> flags that matter for converting recognised syllables.</summary>
[Flags]
public enum LibPinyinOptions : uint
{
    /// <summary>No option: tone digits in the input are ignored.</summary>
    None = 0,

    /// <summary>Accept a syllable's first letters as the whole syllable.</summary>
    PinyinIncomplete = 1U << 3,

    /// <summary>A tone digit after a syllable restricts it to characters read with that tone.</summary>
    UseTone = 1U << 5,

    /// <summary>Every syllable must carry a tone digit.</summary>
    ForceTone = 1U << 6,

    /// <summary>Treat the given initial/final pairs as the same (z/zh, c/ch, s/sh, l/n, f/h, an/ang, en/eng, in/ing and more).</summary>
    FuzzyAll = 0x3FFU << 10,

    /// <summary>z ≈ zh, c ≈ ch, s ≈ sh: the confusions most common in southern accents.</summary>
    FuzzyRetroflex = (1U << 10) | (1U << 11) | (1U << 12),

    /// <summary>an ≈ ang, en ≈ eng, in ≈ ing.</summary>
    FuzzyNasal = (1U << 17) | (1U << 18) | (1U << 19),

    /// <summary>Accept common misspellings (gn→ng, iou→iu, uei→ui, uen→un, ue→ve, v→u, on→ong).</summary>
    CorrectAll = 0xFFU << 21,
}

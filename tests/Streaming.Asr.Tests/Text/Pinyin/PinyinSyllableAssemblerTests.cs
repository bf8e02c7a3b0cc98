using Streaming.Asr.Text.Pinyin;

namespace Streaming.Asr.Tests.Text.Pinyin;

public sealed class PinyinSyllableAssemblerTests
{
    private static string Spell(params string[] tokens) =>
        string.Join(" ", PinyinSyllableAssembler.Assemble(tokens).Select(p => p.IsSyllable ? p.ToLibPinyin(withTone: true) : "[" + p.Text + "]"));

    [Fact]
    public void Initials_and_toned_finals_become_numbered_syllables()
    {
        Assert.Equal("wen2 sen1 te4 ka3", Spell("w", "én", "s", "ēn", "t", "è", "k", "ǎ"));
    }

    [Fact]
    public void An_unmarked_final_is_the_neutral_tone()
    {
        Assert.Equal("wo3 men5 de5", Spell("w", "ǒ", "m", "en", "d", "e"));
    }

    [Fact]
    public void U_umlaut_is_v_after_l_and_n_and_u_after_j_q_x_y()
    {
        Assert.Equal("lv4 nve4 ju2 xue3 yue4", Spell("l", "ǜ", "n", "üè", "j", "ú", "x", "üě", "y", "uè"));
    }

    [Fact]
    public void A_final_without_an_initial_is_a_syllable_of_its_own()
    {
        Assert.Equal("an1 er2 er4 n2", Spell("ān", "ér", "èr", "ń"));
    }

    [Fact]
    public void A_lone_r_after_a_syllable_is_the_erhua_suffix()
    {
        Assert.Equal("na3 er5 zhe4", Spell("n", "ǎ", "r", "zh", "è"));
    }

    [Fact]
    public void An_initial_without_a_final_stays_toneless_and_letters_pass_through()
    {
        Assert.Equal("zh [A] [B] shi4", Spell("zh", "A", "B", "sh", "ì"));
    }

    [Fact]
    public void Tone_of_a_marked_syllable_or_neutral()
    {
        Assert.Equal(3, PinyinSyllableAssembler.ToneOf("jiǎng"));
        Assert.Equal(4, PinyinSyllableAssembler.ToneOf("lǜ"));
        Assert.Equal(PinyinPiece.NeutralTone, PinyinSyllableAssembler.ToneOf("de"));
    }
}
